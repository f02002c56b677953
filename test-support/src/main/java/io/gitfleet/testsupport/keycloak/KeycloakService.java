package io.gitfleet.testsupport.keycloak;

import io.gitfleet.testsupport.TestService;
import java.util.Map;

/**
 * A real Keycloak server on loopback with the {@code gitfleet} realm imported from
 * {@code keycloak/gitfleet-realm.json}: clients {@value #CONSOLE_CLIENT} (confidential) and {@value #CLI_CLIENT}
 * (public, password grant), groups platform-admins/team-a/team-b, and users whose password is
 * {@code <username>-password} (admin, alice, bob, carol; dave, erin and frank belong to no group).
 */
public interface KeycloakService extends TestService {

    String REALM = "gitfleet";
    String CONSOLE_CLIENT = "gitfleet-console";
    String CONSOLE_SECRET = "gitfleet-console-secret";
    String CLI_CLIENT = "gitfleet-cli";

    /** Starts the Keycloak distribution from the Gitfleet cache as a child process with a fresh data dir. */
    static KeycloakService start() {
        return LocalKeycloak.start();
    }

    /** e.g. {@code http://127.0.0.1:PORT} */
    String baseUrl();

    default String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Access token for a realm user through the password grant of the public CLI client. */
    String accessToken(String username, String password);

    /** Access token for a realm user whose password follows the realm file's convention. */
    default String accessToken(String username) {
        return accessToken(username, username + "-password");
    }

    /** Properties for quarkus-oidc as a bearer-token service. */
    default Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.oidc.auth-server-url", issuerUrl(),
                "quarkus.oidc.client-id", CLI_CLIENT);
    }
}
