package io.gitfleet.api.registration;

import static io.gitfleet.api.support.Api.agent;
import static io.gitfleet.api.support.Api.anonymous;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.gitfleet.api.support.Database;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration tokens are one-time, expiring and stored only as hashes; credentials die with revocation. */
@QuarkusTest
class RegistrationTest {

    @InjectService
    PostgresService postgres;

    @Test
    void aTokenRegistersOnceAndIsStoredOnlyAsItsHash() {
        String name = Names.unique("edge");
        String token = Fixture.registrationToken(name, Map.of("env", "edge"));
        assertThat(token).startsWith("gfr_");
        Database db = new Database(postgres);
        assertThat(db.rows("SELECT token_hash FROM registration_token rt JOIN cluster c ON c.id = rt.cluster_id"
                + " WHERE c.name = ?", name))
                .singleElement().satisfies(row -> assertThat(row.get(0)).isNotEqualTo(token).asString().hasSize(64));
        bootstrapAdmin().get("/api/v1/clusters?name=" + name).then().body("items[0].state", equalTo("Pending"));

        Response first = anonymous().body(Map.of("token", token, "agentVersion", "1.0", "kubernetesVersion", "v1.20.2"))
                .post("/api/v1/agents/register");
        first.then().statusCode(200)
                .body("clusterName", equalTo(name))
                .body("credential", startsWith("gfa_"))
                .body("kafka.statusTopic", equalTo("gitfleet.agent-status"));
        String credential = first.path("credential");
        assertThat(db.rows("SELECT count(*) FROM cluster WHERE labels::text LIKE ? OR name LIKE ?",
                "%" + credential + "%", "%" + credential + "%").get(0).get(0)).isEqualTo(0L);
        bootstrapAdmin().get("/api/v1/clusters/" + first.path("clusterId")).then()
                .body("state", equalTo("Connected")).body("agentVersion", equalTo("1.0"));

        anonymous().body(Map.of("token", token)).post("/api/v1/agents/register").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("registration token is unknown, expired or already used"));
        assertThat(deniedReasons(db)).anyMatch(reason -> reason.contains("already used"));
    }

    @Test
    void expiredAndUnknownTokensAreRefusedAndAudited() {
        String name = Names.unique("late");
        String token = Fixture.registrationToken(name, Map.of());
        Database db = new Database(postgres);
        db.update("UPDATE registration_token SET expires_at = now() - interval '1 second' WHERE cluster_id ="
                + " (SELECT id FROM cluster WHERE name = ?)", name);

        anonymous().body(Map.of("token", token)).post("/api/v1/agents/register").then().statusCode(401);
        anonymous().body(Map.of("token", "gfr_" + UUID.randomUUID())).post("/api/v1/agents/register").then()
                .statusCode(401).body("type", equalTo("https://gitfleet.io/problems/unauthorized"));

        List<String> reasons = deniedReasons(db);
        assertThat(reasons).anyMatch(reason -> reason.startsWith("registration token expired at"));
        assertThat(reasons).contains("unknown registration token");
        assertThat(reasons).noneMatch(reason -> reason.contains(token));
    }

    @Test
    void ttlIsMandatoryWithinItsLimit() {
        bootstrapAdmin().body(Map.of("clusterName", Names.unique("x"), "ttl", "25h"))
                .post("/api/v1/registration-tokens").then().statusCode(400)
                .body("errors[0].field", equalTo("ttl"))
                .body("errors[0].message", equalTo("must be more than 0 and at most 24h"));
        bootstrapAdmin().body(Map.of("clusterName", Names.unique("x"), "ttl", "soon"))
                .post("/api/v1/registration-tokens").then().statusCode(400)
                .body("errors[0].field", equalTo("ttl"));
        bootstrapAdmin().body(Map.of("clusterName", Names.unique("x")))
                .post("/api/v1/registration-tokens").then().statusCode(201);
    }

    @Test
    void revokingAClusterKillsItsCredentialAtOnce() {
        String[] cluster = Fixture.registeredCluster(Names.unique("gone"), Map.of());
        agent(cluster[1]).get("/api/v1/agents/self/assignments").then().statusCode(200);

        bootstrapAdmin().post("/api/v1/clusters/" + cluster[0] + "/revoke").then().statusCode(200)
                .body("state", equalTo("Revoked"));

        agent(cluster[1]).get("/api/v1/agents/self/assignments").then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(deniedReasons(new Database(postgres))).contains("cluster is revoked");
    }

    @Test
    void reRegistrationSupersedesThePreviousCredential() {
        String name = Names.unique("again");
        String[] first = Fixture.registeredCluster(name, Map.of());
        String[] second = Fixture.registeredCluster(name, Map.of());

        assertThat(second[0]).isEqualTo(first[0]);
        agent(second[1]).get("/api/v1/agents/self/assignments").then().statusCode(200);
        agent(first[1]).get("/api/v1/agents/self/assignments").then().statusCode(401);
    }

    @Test
    void anonymousAgentCallsAreRefusedAndAudited() {
        anonymous().get("/api/v1/agents/self/assignments").then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(new Database(postgres).rows("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
                + " AND actor = 'anonymous' AND target_id = '/api/v1/agents/self/assignments'").get(0).get(0))
                .isNotEqualTo(0L);
    }

    @Test
    void forgedCredentialsAreRefused() {
        String[] cluster = Fixture.registeredCluster(Names.unique("forge"), Map.of());
        String forged = cluster[1].substring(0, cluster[1].length() - 2) + "xx";
        agent(forged).get("/api/v1/agents/self/assignments").then().statusCode(401);
        agent("gfa_" + UUID.randomUUID() + ".1.AAAA").get("/api/v1/agents/self/assignments").then().statusCode(401);
    }

    private static List<String> deniedReasons(Database db) {
        return db.rows("SELECT summary->>'reason' FROM audit_event WHERE outcome = 'denied'").stream()
                .map(row -> String.valueOf(row.get(0))).toList();
    }
}
