package io.gitfleet.ui;

import io.gitfleet.testsupport.kafka.KafkaService;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.local.PlatformApiSettings;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.process.JavaApp;
import io.gitfleet.testsupport.process.ManagedProcess;
import io.gitfleet.testsupport.process.Ports;
import io.gitfleet.testsupport.process.Running;
import io.gitfleet.testsupport.process.TempDirs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the console needs, real: PostgreSQL, Kafka, Keycloak with the gitfleet realm, and the packaged
 * platform-api (built before this module) signing people in through that Keycloak. The console under test gets
 * the API's URL and single sign-on through the realm's confidential console client — or, with init argument
 * {@code sso=false}, no identity provider at all (embedded defaults: the bootstrap admin's local form).
 */
public class ConsoleStack implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN_PASSWORD = "bootstrap-console-test";
    private static final Path API_JAR = Path.of("../platform-api/target/quarkus-app/quarkus-run.jar").toAbsolutePath()
            .normalize();

    private static KeycloakService keycloak;
    private static KafkaService kafka;
    private static PostgresService postgres;
    private static String apiUrl;
    private final Running running = new Running();
    private boolean sso = true;

    @Override
    public void init(Map<String, String> initArgs) {
        sso = !"false".equals(initArgs.get("sso"));
    }

    @Override
    public Map<String, String> start() {
        postgres = started(PostgresService.start());
        kafka = started(KafkaService.start());
        int port = Ports.freeLoopbackPort();
        Map<String, String> properties = PlatformApiSettings.of(port, postgres, kafka);
        properties.put("gitfleet.bootstrap-admin.password", ADMIN_PASSWORD);
        if (sso) {
            keycloak = started(KeycloakService.start());
            properties.putAll(keycloak.quarkusConfig());
        } else {
            properties.put("quarkus.oidc.tenant-enabled", "false");
        }
        ManagedProcess api = started(JavaApp.start("platform-api", API_JAR, TempDirs.create("console-it"),
                properties, Map.of("GITFLEET_SECRETS_MASTER_KEY",
                        "dGVzdC1vbmx5LW1hc3Rlci1rZXktdGhhdC1pcy0zMi1ieXRlcyE=")));
        JavaApp.waitReady(api, port);
        apiUrl = "http://127.0.0.1:" + port;
        if (!sso) {
            // Explicitly off: Quarkus carries an earlier test class's resource settings into the next launch.
            return Map.of("gitfleet.api-url", apiUrl, "quarkus.oidc.tenant-enabled", "false");
        }
        return Map.of(
                "gitfleet.api-url", apiUrl,
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", keycloak.issuerUrl(),
                "quarkus.oidc.client-id", KeycloakService.CONSOLE_CLIENT,
                "quarkus.oidc.credentials.secret", KeycloakService.CONSOLE_SECRET);
    }

    static String apiUrl() {
        return apiUrl;
    }

    static KeycloakService keycloak() {
        return keycloak;
    }

    static KafkaService kafka() {
        return kafka;
    }

    static PostgresService postgres() {
        return postgres;
    }

    /** The API as the bootstrap admin, for arranging what a test needs. */
    static RequestSpecification admin() {
        return RestAssured.given().baseUri(apiUrl).auth().preemptive().basic("admin", ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    private <T extends AutoCloseable> T started(T service) {
        return running.add(service);
    }

    @Override
    public void stop() {
        running.close();
    }
}
