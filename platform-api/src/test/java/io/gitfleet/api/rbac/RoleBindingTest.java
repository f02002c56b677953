package io.gitfleet.api.rbac;

import static io.gitfleet.api.support.Api.as;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bindings from Keycloak groups and users decide what alice and bob see and change. */
@QuarkusTest
class RoleBindingTest {

    @InjectService
    KeycloakService keycloak;

    @Test
    void groupsFromKeycloakGrantTenantRolesAndListsNeverLeakOtherTenants() {
        String a = Names.unique("ta");
        String b = Names.unique("tb");
        Fixture.tenant(a, "apps");
        Fixture.tenant(b, "apps");
        Fixture.bind("group", "team-a", "tenant-admin", a);
        Fixture.bind("group", "team-b", "tenant-admin", b);
        Fixture.source(a, "repo-a", "https://git.example.com/a.git");
        Fixture.source(b, "repo-b", "https://git.example.com/b.git");
        String assignmentB = Fixture.assignment(b, "web", "repo-b", "apps", Map.of());

        as(keycloak, "alice").get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("alice"))
                .body("groups", hasItem("team-a"))
                .body("tenantRoles." + a, equalTo("tenant-admin"));
        as(keycloak, "alice").get("/api/v1/sources").then().statusCode(200)
                .body("tenant", hasItem(a)).body("tenant", not(hasItem(b)));
        as(keycloak, "alice").get("/api/v1/assignments").then().body("tenant", not(hasItem(b)));
        as(keycloak, "alice").get("/api/v1/role-bindings").then().body("tenant", not(hasItem(b)));
        as(keycloak, "alice").get("/api/v1/assignments/" + assignmentB).then().statusCode(404);
        as(keycloak, "bob").get("/api/v1/assignments/" + assignmentB).then().statusCode(200);
        as(keycloak, "bob").get("/api/v1/audit?size=500").then().statusCode(200)
                .body("items.tenantId", everyItem(not(equalTo(null))));
    }

    @Test
    void tenantAdminsGrantWithinTheirTenantOnly() {
        String a = Names.unique("ga");
        Fixture.tenant(a, "apps");
        Fixture.bind("group", "team-a", "tenant-admin", a);

        as(keycloak, "alice").body(Map.of("subjectKind", "user", "subject", "dave", "role", "tenant-member",
                "tenant", a)).post("/api/v1/role-bindings").then().statusCode(201);
        as(keycloak, "dave").get("/api/v1/tenants/" + a).then().statusCode(200);
        as(keycloak, "alice").body(Map.of("subjectKind", "user", "subject", "alice", "role", "viewer"))
                .post("/api/v1/role-bindings").then().statusCode(403);
        as(keycloak, "alice").body(Map.of("subjectKind", "user", "subject", "alice", "role", "platform-admin",
                "tenant", a)).post("/api/v1/role-bindings").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        as(keycloak, "alice").body(Map.of("subjectKind", "team", "subject", "x", "role", "owner", "tenant", a))
                .post("/api/v1/role-bindings").then().statusCode(400);
        bootstrapAdmin().body(Map.of("subjectKind", "user", "subject", "dave", "role", "tenant-member",
                "tenant", a)).post("/api/v1/role-bindings").then().statusCode(409);
    }
}
