package io.gitfleet.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document covers every endpoint with a summary, and request/response schemas carry examples. */
@QuarkusTest
class OpenApiTest {

    private static final List<String> PATHS = List.of(
            "/api/v1/tenants", "/api/v1/tenants/{name}",
            "/api/v1/clusters", "/api/v1/clusters/{id}", "/api/v1/clusters/{id}/labels",
            "/api/v1/clusters/{id}/revoke", "/api/v1/registration-tokens", "/api/v1/agents/register",
            "/api/v1/agents/self/assignments", "/api/v1/sources", "/api/v1/sources/{id}",
            "/api/v1/sources/{id}/refresh", "/api/v1/assignments", "/api/v1/assignments/{id}",
            "/api/v1/assignments/{id}/targets", "/api/v1/assignments/{id}/suspend",
            "/api/v1/assignments/{id}/resume", "/api/v1/assignments/{id}/sync", "/api/v1/assignments/{id}/pin",
            "/api/v1/role-bindings", "/api/v1/role-bindings/{id}", "/api/v1/audit", "/api/v1/me", "/api/v1/info");

    @Test
    void everyEndpointIsDocumentedWithASummary() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths.keySet()).containsAll(PATHS);
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(operation.get("summary")).as("%s %s summary", method, path).isNotNull()));
    }

    @Test
    void schemasCarryExamples() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").jsonPath();
        for (String schema : List.of("Tenant", "TenantRequest", "Cluster", "ClusterLabels",
                "RegistrationTokenRequest", "IssuedRegistrationToken", "Source", "SourceRequest", "Assignment",
                "AssignmentRequest", "RoleBinding", "RoleBindingRequest", "AuditEvent", "Problem")) {
            Map<String, Object> definition = openapi.getMap("components.schemas." + schema);
            assertThat(definition).as("schema %s", schema).isNotNull();
            // OpenAPI 3.1 documents spell it "examples" (a list); 3.0 documents "example".
            assertThat(definition.get("examples") != null ? definition.get("examples") : definition.get("example"))
                    .as("example of %s in %s", schema, definition).isNotNull();
        }
    }
}
