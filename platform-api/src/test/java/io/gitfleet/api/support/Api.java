package io.gitfleet.api.support;

import static io.restassured.RestAssured.given;

import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests as a given caller: realm users sign in through the real Keycloak (password grant, token cached until
 * shortly before it expires), the bootstrap admin with HTTP Basic, agents with their credential.
 */
public final class Api {

    public static final String BOOTSTRAP_PASSWORD = "bootstrap-test-password";
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    private record CachedToken(String token, Instant fetched) {
    }

    public static RequestSpecification as(KeycloakService keycloak, String user) {
        return given().auth().oauth2(token(keycloak, user)).contentType(ContentType.JSON);
    }

    /** A (cached) access token of a realm user, for clients other than RestAssured. */
    public static String token(KeycloakService keycloak, String user) {
        return TOKENS.compute(user, (name, old) ->
                old != null && old.fetched.plus(Duration.ofMinutes(5)).isAfter(Instant.now()) ? old
                        : new CachedToken(keycloak.accessToken(name), Instant.now())).token;
    }

    public static RequestSpecification bootstrapAdmin() {
        return given().auth().preemptive().basic("admin", BOOTSTRAP_PASSWORD).contentType(ContentType.JSON);
    }

    public static RequestSpecification agent(String credential) {
        return given().auth().oauth2(credential);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
