package io.gitfleet.api.support;

import io.gitfleet.testsupport.quarkus.KafkaTestResource;
import io.gitfleet.testsupport.quarkus.KeycloakTestResource;
import io.gitfleet.testsupport.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real services every control-plane test runs against, declared once for the whole module so that Quarkus
 * starts PostgreSQL, Keycloak, Kafka and the application once per test JVM instead of once per class.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public final class ControlPlaneServices {

    private ControlPlaneServices() {
    }
}
