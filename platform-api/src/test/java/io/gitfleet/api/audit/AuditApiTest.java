package io.gitfleet.api.audit;

import static io.gitfleet.api.support.Api.as;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.gitfleet.api.support.Database;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest {

    @InjectService
    KeycloakService keycloak;

    @InjectService
    PostgresService postgres;

    @Test
    void everyMutationIsRecordedWithWhoAndWhat() {
        Fixture.platformAdminsGroupIsPlatformAdmin();
        String tenant = Names.unique("aud");
        as(keycloak, "admin").body(Map.of("name", tenant, "namespaces", List.of("apps")))
                .post("/api/v1/tenants").then().statusCode(201);
        as(keycloak, "admin").body(Map.of("name", tenant, "namespaces", List.of("apps", "web")))
                .put("/api/v1/tenants/" + tenant).then().statusCode(200);

        bootstrapAdmin().queryParam("tenant", tenant).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("tenant.update", "tenant.create"))
                .body("items.actor", everyItem(equalTo("admin")))
                .body("items[0].summary.namespaces.before", contains("apps"))
                .body("items[0].summary.namespaces.after", contains("apps", "web"));
        bootstrapAdmin().queryParam("tenant", tenant).queryParam("action", "tenant.create")
                .queryParam("size", 1).get("/api/v1/audit").then()
                .body("total", equalTo(1)).body("items[0].targetName", equalTo(tenant));
    }

    @Test
    void tenantMembersSeeTheirTenantsEventsOnly() {
        String mine = Names.unique("am");
        String other = Names.unique("ao");
        Fixture.tenant(mine, "apps");
        Fixture.tenant(other, "apps");
        Fixture.bind("user", "erin", "viewer", mine);

        List<String> tenants = as(keycloak, "erin").queryParam("size", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().path("items.tenantId");
        assertThat(tenants).isNotEmpty().doesNotContainNull();
        as(keycloak, "erin").queryParam("tenant", other).get("/api/v1/audit").then().statusCode(404);
        as(keycloak, "erin").queryParam("since", "yesterday").get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void theDatabaseRefusesToRewriteHistory() {
        Database db = new Database(postgres);
        assertThatThrownBy(() -> db.update("UPDATE audit_event SET actor = 'nobody'"))
                .hasMessageContaining("audit_event is append-only: UPDATE refused");
        assertThatThrownBy(() -> db.update("DELETE FROM audit_event"))
                .hasMessageContaining("audit_event is append-only: DELETE refused");
    }
}
