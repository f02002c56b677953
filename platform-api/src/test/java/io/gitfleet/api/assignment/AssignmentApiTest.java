package io.gitfleet.api.assignment;

import static io.gitfleet.api.support.Api.agent;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AssignmentApiTest {

    private String tenant;

    @BeforeEach
    void tenantWithSource() {
        tenant = Names.unique("asg");
        Fixture.tenant(tenant, tenant, tenant + "-*");
        Fixture.source(tenant, "repo", "https://git.example.com/apps.git");
    }

    @Test
    void targetsFollowClusterLabels() {
        String a = Fixture.registeredCluster(Names.unique("t"), Map.of("app", tenant, "env", "prod"))[0];
        String b = Fixture.registeredCluster(Names.unique("t"), Map.of("app", tenant, "env", "dev"))[0];
        String id = Fixture.assignment(tenant, "web", "repo", tenant, Map.of("matchLabels", Map.of("app", tenant),
                "matchExpressions", List.of(Map.of("key", "env", "operator", "In", "values", List.of("prod")))));

        bootstrapAdmin().get("/api/v1/assignments/" + id + "/targets").then().statusCode(200)
                .body("items.id", contains(a));
        bootstrapAdmin().body(Map.of("labels", Map.of("app", tenant, "env", "prod")))
                .put("/api/v1/clusters/" + b + "/labels").then().statusCode(200);
        bootstrapAdmin().get("/api/v1/assignments/" + id + "/targets").then()
                .body("items.id", containsInAnyOrder(a, b)).body("total", equalTo(2));
    }

    @Test
    void actionsBumpTheGenerationAndPinOverridesTheRef() {
        String id = Fixture.assignment(tenant, "web", "repo", tenant, Map.of());
        String commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";

        bootstrapAdmin().post("/api/v1/assignments/" + id + "/suspend").then().statusCode(200)
                .body("policy.suspend", equalTo(true)).body("generation", equalTo(2));
        bootstrapAdmin().post("/api/v1/assignments/" + id + "/resume").then()
                .body("policy.suspend", equalTo(false)).body("generation", equalTo(3));
        bootstrapAdmin().post("/api/v1/assignments/" + id + "/sync").then().body("generation", equalTo(4));
        bootstrapAdmin().body(Map.of("revision", commit)).put("/api/v1/assignments/" + id + "/pin").then()
                .body("pinnedRevision", equalTo(commit)).body("generation", equalTo(5));
        bootstrapAdmin().body(Map.of("revision", "main")).put("/api/v1/assignments/" + id + "/pin").then()
                .statusCode(400).body("errors[0].field", equalTo("revision"));
        bootstrapAdmin().delete("/api/v1/assignments/" + id + "/pin").then()
                .body("pinnedRevision", nullValue()).body("generation", equalTo(6));
    }

    @Test
    void updatesReplaceTheSpecAndNormaliseThePath() {
        String id = Fixture.assignment(tenant, "web", "repo", tenant, Map.of());
        bootstrapAdmin().body(body("web", "./apps//web/", tenant + "-web", Map.of("matchLabels", Map.of("a", "b"))))
                .put("/api/v1/assignments/" + id).then().statusCode(200)
                .body("path", equalTo("apps/web"))
                .body("namespace", equalTo(tenant + "-web"))
                .body("selector.matchLabels.a", equalTo("b"))
                .body("policy.selfHeal", equalTo(true))
                .body("substitutions.REPLICAS", equalTo("3"))
                .body("generation", equalTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../secrets", "apps/../../etc", "/etc/passwd", "apps\\web", "C:/x", "a/../b" })
    void pathsThatLeaveTheRepositoryAreRefused(String path) {
        bootstrapAdmin().body(body("trav", path, tenant, Map.of())).post("/api/v1/assignments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"));
    }

    @Test
    void invalidSelectorsNamespacesAndSourcesNameTheField() {
        bootstrapAdmin().body(body("sel", "apps", tenant, Map.of("matchExpressions",
                        List.of(Map.of("key", "env", "operator", "In", "values", List.of())))))
                .post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("selector"))
                .body("errors[0].message", equalTo("operator In on 'env' needs at least one value"));
        bootstrapAdmin().body(body("sel", "apps", tenant, Map.of("matchExpressions",
                        List.of(Map.of("key", "env", "operator", "Near", "values", List.of("x"))))))
                .post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("selector.matchExpressions[0].operator"));
        bootstrapAdmin().body(body("ns", "apps", "kube-system", Map.of())).post("/api/v1/assignments").then()
                .statusCode(400).body("errors[0].field", equalTo("namespace"));
        Map<String, Object> noSource = body("src", "apps", tenant, Map.of());
        noSource.put("source", "missing");
        bootstrapAdmin().body(noSource).post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
    }

    @Test
    void theWholePolicyReachesTheAgent() {
        String[] cluster = Fixture.registeredCluster(Names.unique("p"), Map.of("app", tenant));
        Map<String, Object> body = body("web", "apps", tenant, Map.of("matchLabels", Map.of("app", tenant)));
        body.put("policy", Map.of("prune", false, "force", true, "allowEmpty", true, "ignore", List.of(
                Map.of("group", "apps", "kind", "Deployment", "jsonPointers", List.of("/spec/replicas")))));
        bootstrapAdmin().body(body).post("/api/v1/assignments").then().statusCode(201)
                .body("policy.prune", equalTo(false)).body("policy.selfHeal", equalTo(false))
                .body("policy.force", equalTo(true)).body("policy.allowEmpty", equalTo(true))
                .body("policy.ignore[0].kind", equalTo("Deployment"))
                .body("policy.ignore[0].jsonPointers", contains("/spec/replicas"));

        agent(cluster[1]).get("/api/v1/agents/self/assignments").then().statusCode(200)
                .body("assignments[0].policy.force", equalTo(true))
                .body("assignments[0].policy.allowEmpty", equalTo(true))
                .body("assignments[0].policy.ignore[0].group", equalTo("apps"))
                .body("assignments[0].policy.ignore[0].name", nullValue())
                .body("assignments[0].policy.ignore[0].jsonPointers", contains("/spec/replicas"));
    }

    @Test
    void ignoreRulesNeedValidPointersInsideTheObject() {
        Map<String, Object> body = body("web", "apps", tenant, Map.of());
        body.put("policy", Map.of("ignore", List.of(
                Map.of("kind", "Deployment", "jsonPointers", List.of("spec/replicas", "/metadata", "/a~2")),
                Map.of("kind", "Service", "jsonPointers", List.of()))));
        bootstrapAdmin().body(body).post("/api/v1/assignments").then().statusCode(400)
                .body("errors.field", contains("policy.ignore[0].jsonPointers[0]",
                        "policy.ignore[0].jsonPointers[1]", "policy.ignore[0].jsonPointers[2]",
                        "policy.ignore[1].jsonPointers"))
                .body("errors[0].message", equalTo("'spec/replicas' is not a JSON pointer: it must start with '/'"));
    }

    @Test
    void namesAreUniquePerTenant() {
        Fixture.assignment(tenant, "dup", "repo", tenant, Map.of());
        bootstrapAdmin().body(body("dup", "apps", tenant, Map.of())).post("/api/v1/assignments").then()
                .statusCode(409).body("type", equalTo("https://gitfleet.io/problems/name-taken"));
    }

    private Map<String, Object> body(String name, String path, String namespace, Map<String, Object> selector) {
        Map<String, Object> body = new HashMap<>();
        body.put("tenant", tenant);
        body.put("name", name);
        body.put("source", "repo");
        body.put("path", path);
        body.put("namespace", namespace);
        body.put("selector", selector);
        body.put("policy", Map.of("prune", true, "selfHeal", true));
        body.put("substitutions", Map.of("REPLICAS", "3"));
        return body;
    }
}
