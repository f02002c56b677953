package io.gitfleet.api.tenant;

import static io.gitfleet.api.support.Api.as;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantApiTest {

    @InjectService
    KeycloakService keycloak;

    @BeforeEach
    void platformAdmins() {
        Fixture.platformAdminsGroupIsPlatformAdmin();
    }

    @Test
    void platformAdminSignedInThroughKeycloakManagesTenants() {
        String name = Names.unique("tenant");
        as(keycloak, "admin").body(Map.of("name", name, "namespaces", List.of(name, name + "-*")))
                .post("/api/v1/tenants").then().statusCode(201)
                .header("Location", endsWith("/api/v1/tenants/" + name))
                .body("namespaces", contains(name, name + "-*"));

        as(keycloak, "admin").body(Map.of("name", name, "displayName", "Renamed", "namespaces", List.of(name)))
                .put("/api/v1/tenants/" + name).then().statusCode(200)
                .body("displayName", equalTo("Renamed"))
                .body("namespaces", contains(name));

        as(keycloak, "admin").get("/api/v1/tenants").then().statusCode(200).body("name", hasItem(name));
        as(keycloak, "admin").delete("/api/v1/tenants/" + name).then().statusCode(204);
        as(keycloak, "admin").get("/api/v1/tenants/" + name).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gitfleet.io/problems/not-found"));
    }

    @Test
    void aTenantThatOwnsAssignmentsCannotBeDeleted() {
        String tenant = Names.unique("owner");
        Fixture.tenant(tenant, "apps");
        Fixture.source(tenant, "repo", "https://git.example.com/apps.git");
        Fixture.assignment(tenant, "web", "repo", "apps", Map.of());

        bootstrapAdmin().delete("/api/v1/tenants/" + tenant).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gitfleet.io/problems/tenant-has-assignments"))
                .body("detail", equalTo("tenant '" + tenant + "' still owns 1 assignment(s); delete them first"));
        bootstrapAdmin().get("/api/v1/tenants/" + tenant).then().statusCode(200);
    }

    @Test
    void membersSeeOnlyTheirTenants() {
        String mine = Names.unique("mine");
        String theirs = Names.unique("theirs");
        Fixture.tenant(mine, "ns");
        Fixture.tenant(theirs, "ns");
        Fixture.bind("user", "dave", "tenant-member", mine);

        as(keycloak, "dave").get("/api/v1/tenants").then().statusCode(200)
                .body("name", hasItem(mine))
                .body("name", not(hasItem(theirs)));
        as(keycloak, "dave").get("/api/v1/tenants/" + theirs).then().statusCode(404);
        as(keycloak, "dave").delete("/api/v1/tenants/" + mine).then().statusCode(403);
    }

    @Test
    void invalidTenantsNameEveryBadField() {
        bootstrapAdmin().body(Map.of("name", "Not_A_Label", "namespaces", List.of("ok", "bad ns"),
                        "displayName", "x".repeat(201)))
                .post("/api/v1/tenants").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gitfleet.io/problems/invalid-input"))
                .body("errors.field", contains("name", "displayName", "namespaces[1]"));
    }
}
