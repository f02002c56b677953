package io.gitfleet.testsupport.quarkus;

import io.gitfleet.testsupport.keycloak.KeycloakService;

/** {@code @QuarkusTestResource(KeycloakTestResource.class)}: a real Keycloak as the application's OIDC server. */
public class KeycloakTestResource extends ServiceTestResource<KeycloakService> {

    public KeycloakTestResource() {
        super(KeycloakService.class, KeycloakService::start, KeycloakService::quarkusConfig);
    }
}
