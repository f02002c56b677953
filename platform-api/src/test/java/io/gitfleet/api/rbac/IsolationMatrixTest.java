package io.gitfleet.api.rbac;

import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.api.support.Api;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint x every role x own/other tenant, each cell asserting the exact status. Callers sign in through the
 * real Keycloak: admin (group platform-admins: platform-admin), alice (group team-a: tenant-admin of the own
 * tenant), dave (user binding: tenant-member), erin (user binding: viewer), frank (no binding), and nobody
 * (anonymous). Objects of a tenant the caller has no role in must answer 404, exactly like missing objects.
 */
@QuarkusTest
class IsolationMatrixTest {

    enum Caller { ADMIN, TENANT_ADMIN, MEMBER, VIEWER, NO_ROLE, ANONYMOUS }

    enum Scope { OWN, OTHER, PLATFORM }

    /** What an endpoint needs. */
    enum Rule { READ, EDIT, ADMINISTER, PLATFORM_ADMIN_ON_TENANT, PLATFORM_ADMIN, FLEET_READ, SIGNED_IN, AGENT_ONLY }

    private static final Map<Caller, String> USERS = Map.of(Caller.ADMIN, "admin", Caller.TENANT_ADMIN, "alice",
            Caller.MEMBER, "dave", Caller.VIEWER, "erin", Caller.NO_ROLE, "frank");

    @InjectService
    KeycloakService keycloak;

    /** The objects one tenant holds for the matrix. */
    record TenantObjects(String name, String source, String assignment) {
    }

    /** An endpoint, the rule it follows, and how to call it on a tenant's objects. */
    record Endpoint(String name, Rule rule, int success, BiFunction<RequestSpecification, TenantObjects, Response> call) {
    }

    private String group;

    @TestFactory
    Stream<DynamicTest> everyEndpointTimesEveryRoleTimesOwnAndOtherTenant() {
        Fixture.platformAdminsGroupIsPlatformAdmin();
        group = Names.unique("g");
        TenantObjects own = tenant(true);
        TenantObjects other = tenant(false);
        List<DynamicTest> cells = new ArrayList<>();
        for (Endpoint endpoint : tenantEndpoints()) {
            for (Caller caller : Caller.values()) {
                for (Scope scope : List.of(Scope.OWN, Scope.OTHER)) {
                    TenantObjects objects = scope == Scope.OWN ? own : other;
                    cells.add(cell(endpoint, caller, scope, objects));
                }
            }
        }
        for (Endpoint endpoint : platformEndpoints()) {
            for (Caller caller : Caller.values()) {
                cells.add(cell(endpoint, caller, Scope.PLATFORM, own));
            }
        }
        return cells.stream();
    }

    private DynamicTest cell(Endpoint endpoint, Caller caller, Scope scope, TenantObjects objects) {
        int expected = expected(endpoint, caller, scope);
        return DynamicTest.dynamicTest(endpoint.name() + " as " + caller + " on " + scope + " -> " + expected, () -> {
            Response response = endpoint.call().apply(spec(caller), objects);
            assertThat(response.statusCode()).as("%s as %s on %s: %s", endpoint.name(), caller, scope,
                    response.asString()).isEqualTo(expected);
            if (expected >= 400) {
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        });
    }

    static int expected(Endpoint endpoint, Caller caller, Scope scope) {
        if (caller == Caller.ANONYMOUS) {
            return 401;
        }
        if (endpoint.rule() == Rule.AGENT_ONLY) {
            return 403;
        }
        if (caller == Caller.ADMIN) {
            return endpoint.success();
        }
        if (scope == Scope.PLATFORM) {
            return switch (endpoint.rule()) {
                case SIGNED_IN -> endpoint.success();
                case FLEET_READ -> caller == Caller.NO_ROLE ? 403 : endpoint.success();
                default -> 403;
            };
        }
        Role role = scope == Scope.OTHER ? null : switch (caller) {
            case TENANT_ADMIN -> Role.TENANT_ADMIN;
            case MEMBER -> Role.TENANT_MEMBER;
            case VIEWER -> Role.VIEWER;
            default -> null;
        };
        if (role == null) {
            return 404;
        }
        return switch (endpoint.rule()) {
            case READ -> endpoint.success();
            case EDIT -> role.includes(Role.TENANT_MEMBER) ? endpoint.success() : 403;
            case ADMINISTER -> role.includes(Role.TENANT_ADMIN) ? endpoint.success() : 403;
            default -> 403;
        };
    }

    private List<Endpoint> tenantEndpoints() {
        String commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";
        return List.of(
                new Endpoint("GET tenant", Rule.READ, 200, (r, t) -> r.get("/api/v1/tenants/" + t.name())),
                new Endpoint("PUT tenant", Rule.PLATFORM_ADMIN_ON_TENANT, 200, (r, t) -> r
                        .body(Map.of("name", t.name(), "namespaces", List.of("apps", "web")))
                        .put("/api/v1/tenants/" + t.name())),
                new Endpoint("DELETE tenant", Rule.PLATFORM_ADMIN_ON_TENANT, 204, (r, t) -> {
                    TenantObjects disposable = tenant(t == null || isOwn(t));
                    return r.delete("/api/v1/tenants/" + emptied(disposable));
                }),
                new Endpoint("GET audit of tenant", Rule.READ, 200, (r, t) -> r.queryParam("tenant", t.name())
                        .get("/api/v1/audit")),
                new Endpoint("GET source", Rule.READ, 200, (r, t) -> r.get("/api/v1/sources/" + t.source())),
                new Endpoint("POST source", Rule.EDIT, 201, (r, t) -> r.body(source(t.name(), Names.unique("s")))
                        .post("/api/v1/sources")),
                new Endpoint("PUT source", Rule.EDIT, 200, (r, t) -> r.body(source(t.name(), "repo"))
                        .put("/api/v1/sources/" + t.source())),
                new Endpoint("POST source refresh", Rule.EDIT, 200, (r, t) -> r
                        .post("/api/v1/sources/" + t.source() + "/refresh")),
                new Endpoint("DELETE source", Rule.EDIT, 204, (r, t) -> {
                    String id = bootstrapAdmin().body(source(t.name(), Names.unique("d"))).post("/api/v1/sources")
                            .then().statusCode(201).extract().path("id");
                    return r.delete("/api/v1/sources/" + id);
                }),
                new Endpoint("GET assignment", Rule.READ, 200, (r, t) -> r
                        .get("/api/v1/assignments/" + t.assignment())),
                new Endpoint("GET assignment targets", Rule.READ, 200, (r, t) -> r
                        .get("/api/v1/assignments/" + t.assignment() + "/targets")),
                new Endpoint("GET assignment status", Rule.READ, 200, (r, t) -> r
                        .get("/api/v1/status/assignments/" + t.assignment())),
                new Endpoint("GET assignment status history", Rule.READ, 200, (r, t) -> r
                        .get("/api/v1/status/assignments/" + t.assignment() + "/history")),
                new Endpoint("POST assignment", Rule.EDIT, 201, (r, t) -> r
                        .body(assignment(t.name(), Names.unique("a"))).post("/api/v1/assignments")),
                new Endpoint("PUT assignment", Rule.EDIT, 200, (r, t) -> r.body(assignment(t.name(), "web"))
                        .put("/api/v1/assignments/" + t.assignment())),
                new Endpoint("DELETE assignment", Rule.EDIT, 204, (r, t) -> r.delete("/api/v1/assignments/"
                        + Fixture.assignment(t.name(), Names.unique("x"), "repo", "apps", Map.of()))),
                new Endpoint("POST assignment suspend", Rule.EDIT, 200, (r, t) -> r
                        .post("/api/v1/assignments/" + t.assignment() + "/suspend")),
                new Endpoint("POST assignment resume", Rule.EDIT, 200, (r, t) -> r
                        .post("/api/v1/assignments/" + t.assignment() + "/resume")),
                new Endpoint("POST assignment sync", Rule.EDIT, 200, (r, t) -> r
                        .post("/api/v1/assignments/" + t.assignment() + "/sync")),
                new Endpoint("PUT assignment pin", Rule.EDIT, 200, (r, t) -> r.body(Map.of("revision", commit))
                        .put("/api/v1/assignments/" + t.assignment() + "/pin")),
                new Endpoint("DELETE assignment pin", Rule.EDIT, 200, (r, t) -> r
                        .delete("/api/v1/assignments/" + t.assignment() + "/pin")),
                new Endpoint("POST tenant role binding", Rule.ADMINISTER, 201, (r, t) -> r
                        .body(Map.of("subjectKind", "user", "subject", Names.unique("u"), "role", "viewer",
                                "tenant", t.name()))
                        .post("/api/v1/role-bindings")),
                new Endpoint("DELETE tenant role binding", Rule.ADMINISTER, 204, (r, t) -> {
                    String id = bootstrapAdmin().body(Map.of("subjectKind", "user", "subject", Names.unique("u"),
                                    "role", "viewer", "tenant", t.name()))
                            .post("/api/v1/role-bindings").then().statusCode(201).extract().path("id");
                    return r.delete("/api/v1/role-bindings/" + id);
                }));
    }

    private List<Endpoint> platformEndpoints() {
        return List.of(
                new Endpoint("GET tenants", Rule.SIGNED_IN, 200, (r, t) -> r.get("/api/v1/tenants")),
                new Endpoint("GET sources", Rule.SIGNED_IN, 200, (r, t) -> r.get("/api/v1/sources")),
                new Endpoint("GET assignments", Rule.SIGNED_IN, 200, (r, t) -> r.get("/api/v1/assignments")),
                new Endpoint("GET role bindings", Rule.SIGNED_IN, 200, (r, t) -> r.get("/api/v1/role-bindings")),
                new Endpoint("GET audit", Rule.SIGNED_IN, 200, (r, t) -> r.get("/api/v1/audit")),
                new Endpoint("GET me", Rule.SIGNED_IN, 200, (r, t) -> r.get("/api/v1/me")),
                new Endpoint("POST tenant", Rule.PLATFORM_ADMIN, 201, (r, t) -> r
                        .body(Map.of("name", Names.unique("n"), "namespaces", List.of("apps")))
                        .post("/api/v1/tenants")),
                new Endpoint("GET clusters", Rule.FLEET_READ, 200, (r, t) -> r.get("/api/v1/clusters")),
                new Endpoint("GET cluster", Rule.FLEET_READ, 200, (r, t) -> r.get("/api/v1/clusters/" + cluster())),
                new Endpoint("GET cluster status", Rule.FLEET_READ, 200, (r, t) -> r
                        .get("/api/v1/status/clusters/" + cluster())),
                new Endpoint("GET cluster status history", Rule.FLEET_READ, 200, (r, t) -> r
                        .get("/api/v1/status/clusters/" + cluster() + "/history")),
                new Endpoint("GET status summary", Rule.FLEET_READ, 200, (r, t) -> r.get("/api/v1/status/summary")),
                new Endpoint("GET fleet overview", Rule.FLEET_READ, 200, (r, t) -> r.get("/api/v1/status/clusters")),
                new Endpoint("PUT cluster labels", Rule.PLATFORM_ADMIN, 200, (r, t) -> r
                        .body(Map.of("labels", Map.of("env", "matrix")))
                        .put("/api/v1/clusters/" + cluster() + "/labels")),
                new Endpoint("POST cluster revoke", Rule.PLATFORM_ADMIN, 200, (r, t) -> r
                        .post("/api/v1/clusters/" + cluster() + "/revoke")),
                new Endpoint("DELETE cluster", Rule.PLATFORM_ADMIN, 204, (r, t) -> r
                        .delete("/api/v1/clusters/" + cluster())),
                new Endpoint("POST registration token", Rule.PLATFORM_ADMIN, 201, (r, t) -> r
                        .body(Map.of("clusterName", Names.unique("c"))).post("/api/v1/registration-tokens")),
                new Endpoint("POST platform role binding", Rule.PLATFORM_ADMIN, 201, (r, t) -> r
                        .body(Map.of("subjectKind", "user", "subject", Names.unique("p"), "role", "viewer"))
                        .post("/api/v1/role-bindings")),
                new Endpoint("GET agent desired state", Rule.AGENT_ONLY, 200, (r, t) -> r
                        .get("/api/v1/agents/self/assignments")));
    }

    private RequestSpecification spec(Caller caller) {
        return caller == Caller.ANONYMOUS ? Api.anonymous() : Api.as(keycloak, USERS.get(caller));
    }

    /** A tenant with a source and an assignment; "own" tenants carry the matrix callers' bindings. */
    private TenantObjects tenant(boolean own) {
        String name = Names.unique(own ? "own" : "other");
        Fixture.tenant(name, "apps");
        if (own) {
            Fixture.bind("group", "team-a", "tenant-admin", name);
            Fixture.bind("user", "dave", "tenant-member", name);
            Fixture.bind("user", "erin", "viewer", name);
            ownTenants.add(name);
        } else {
            Fixture.bind("group", "team-b", "tenant-admin", name);
        }
        String source = bootstrapAdmin().body(source(name, "repo")).post("/api/v1/sources").then().statusCode(201)
                .extract().path("id");
        String assignment = Fixture.assignment(name, "web", "repo", "apps", Map.of());
        return new TenantObjects(name, source, assignment);
    }

    private final List<String> ownTenants = new ArrayList<>();

    private boolean isOwn(TenantObjects tenant) {
        return ownTenants.contains(tenant.name());
    }

    /** Deleting a tenant needs it to own no assignments. */
    private static String emptied(TenantObjects tenant) {
        bootstrapAdmin().delete("/api/v1/assignments/" + tenant.assignment()).then().statusCode(204);
        return tenant.name();
    }

    private static String cluster() {
        return Fixture.registeredCluster(Names.unique("m"), Map.of())[0];
    }

    private static Map<String, Object> source(String tenant, String name) {
        // A file URL that does not exist: refreshes fail fast and locally instead of reaching for the network.
        return Map.of("tenant", tenant, "name", name, "url", "file:///nonexistent/gitfleet/" + name + ".git",
                "ref", "main");
    }

    private Map<String, Object> assignment(String tenant, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("tenant", tenant);
        body.put("name", name);
        body.put("source", "repo");
        body.put("path", "apps/" + name);
        body.put("namespace", "apps");
        body.put("selector", Map.of("matchLabels", Map.of("group", group)));
        return body;
    }
}
