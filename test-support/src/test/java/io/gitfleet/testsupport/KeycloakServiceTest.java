package io.gitfleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.testsupport.junit.ServiceExtension;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real Keycloak, real tokens: the claims the platform's RBAC will read. */
class KeycloakServiceTest {

    @RegisterExtension
    static final ServiceExtension<KeycloakService> KEYCLOAK = new ServiceExtension<>(KeycloakService::start);

    @Test
    void passwordGrantTokenCarriesTheUsersGroups() throws Exception {
        KeycloakService keycloak = KEYCLOAK.get();
        assertThat(keycloak.baseUrl()).startsWith("http://127.0.0.1:");

        JsonNode alice = claims(keycloak.accessToken("alice"));
        assertThat(alice.get("iss").asText()).isEqualTo(keycloak.issuerUrl());
        assertThat(alice.get("preferred_username").asText()).isEqualTo("alice");
        assertThat(groups(alice)).containsExactly("team-a");

        JsonNode carol = claims(keycloak.accessToken("carol"));
        assertThat(groups(carol)).containsExactlyInAnyOrder("team-a", "team-b");

        JsonNode admin = claims(keycloak.accessToken("admin"));
        assertThat(groups(admin)).containsExactly("platform-admins");
    }

    @Test
    void wrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> KEYCLOAK.get().accessToken("alice", "not-her-password"))
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("Invalid user credentials");
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> groups(JsonNode claims) {
        List<String> groups = new ArrayList<>();
        claims.withArray("groups").forEach(g -> groups.add(g.asText()));
        return groups;
    }
}
