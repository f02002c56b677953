package io.gitfleet.api.agent;

import static io.gitfleet.api.support.Api.agent;
import static io.gitfleet.api.support.Api.as;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.gitfleet.api.change.ChangeFeed;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.testsupport.git.GitRepository;
import io.gitfleet.testsupport.git.GitServer;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent's desired state: only its own cluster's, with ETags and long-polls woken by real changes. */
@QuarkusTest
class AgentAssignmentsTest {

    private static GitServer git;

    @Inject
    ChangeFeed feed;

    @InjectService
    KeycloakService keycloak;

    @InjectService
    PostgresService postgres;

    @BeforeAll
    static void gitServer() {
        git = GitServer.start();
    }

    @AfterAll
    static void stopGit() {
        git.close();
    }

    @Test
    void anAgentSeesOnlyTheAssignmentsMatchingItsOwnLabels() {
        String tenant = Names.unique("fleet");
        String prodOnly = assignmentOnClustersLabelled(tenant, "prod-only", "stage", tenant + "-prod");
        String[] prod = Fixture.registeredCluster(Names.unique("a"), Map.of("stage", tenant + "-prod"));
        String[] dev = Fixture.registeredCluster(Names.unique("b"), Map.of("stage", tenant + "-dev"));

        agent(prod[1]).get("/api/v1/agents/self/assignments").then().statusCode(200)
                .body("schemaVersion", equalTo(1))
                .body("clusterId", equalTo(prod[0]))
                .body("assignments.findAll { it.name == 'prod-only' }.id", contains(prodOnly))
                .body("assignments.find { it.id == '" + prodOnly + "' }.source.url",
                        equalTo("https://git.example.com/apps.git"))
                .body("assignments.find { it.id == '" + prodOnly + "' }.policy.prune", equalTo(true));
        agent(dev[1]).get("/api/v1/agents/self/assignments").then().statusCode(200)
                .body("clusterId", equalTo(dev[0]))
                .body("assignments.findAll { it.id == '" + prodOnly + "' }", empty());
    }

    @Test
    void peopleHaveNoDesiredStateAndAgentsNoTenantApi() {
        Fixture.platformAdminsGroupIsPlatformAdmin();
        as(keycloak, "admin").get("/api/v1/agents/self/assignments").then().statusCode(403);
        String[] cluster = Fixture.registeredCluster(Names.unique("c"), Map.of());
        agent(cluster[1]).get("/api/v1/tenants").then().statusCode(200).body("$", empty());
        agent(cluster[1]).contentType("application/json").body(Map.of("clusterName", "x"))
                .post("/api/v1/registration-tokens").then().statusCode(403);
    }

    @Test
    void anUnchangedStateAnswers304ToItsETag() {
        String[] cluster = Fixture.registeredCluster(Names.unique("etag"), Map.of());
        Response first = agent(cluster[1]).get("/api/v1/agents/self/assignments");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        agent(cluster[1]).header("If-None-Match", etag).get("/api/v1/agents/self/assignments").then()
                .statusCode(304).header("ETag", etag);
        agent(cluster[1]).header("If-None-Match", etag).get("/api/v1/agents/self/assignments?wait=200ms").then()
                .statusCode(304);
        agent(cluster[1]).header("If-None-Match", "\"stale\"").get("/api/v1/agents/self/assignments").then()
                .statusCode(200).header("ETag", etag);
    }

    @Test
    void aLabelChangeWakesTheWaitingAgent() throws Exception {
        String tenant = Names.unique("wake");
        String assignment = assignmentOnClustersLabelled(tenant, "canary", "ring", tenant);
        String[] cluster = Fixture.registeredCluster(Names.unique("w"), Map.of());

        CompletableFuture<Response> poll = longPoll(cluster);
        bootstrapAdmin().body(Map.of("labels", Map.of("ring", tenant)))
                .put("/api/v1/clusters/" + cluster[0] + "/labels").then().statusCode(200);

        Response woken = poll.get(20, TimeUnit.SECONDS);
        assertThat(woken.statusCode()).isEqualTo(200);
        assertThat(woken.<List<String>>path("assignments.id")).contains(assignment);
    }

    @Test
    void anAssignmentEditWakesTheWaitingAgentWithTheNextGeneration() throws Exception {
        String tenant = Names.unique("edit");
        String assignment = assignmentOnClustersLabelled(tenant, "web", "team", tenant);
        String[] cluster = Fixture.registeredCluster(Names.unique("e"), Map.of("team", tenant));

        CompletableFuture<Response> poll = longPoll(cluster);
        bootstrapAdmin().post("/api/v1/assignments/" + assignment + "/sync").then().statusCode(200)
                .body("generation", equalTo(2));

        Response woken = poll.get(20, TimeUnit.SECONDS);
        assertThat(woken.statusCode()).isEqualTo(200);
        assertThat(woken.<Integer>path("assignments.find { it.id == '" + assignment + "' }.generation")).isEqualTo(2);
    }

    @Test
    void aNewSourceRevisionWakesTheWaitingAgent() throws Exception {
        GitRepository repo = git.createRepository(Names.unique("repo"));
        String firstCommit = repo.write("apps/web/cm.yaml", "kind: ConfigMap\n").commit("first");
        String tenant = Names.unique("rev");
        Fixture.tenant(tenant, "apps");
        String source = Fixture.source(tenant, "repo", repo.url());
        bootstrapAdmin().post("/api/v1/sources/" + source + "/refresh").then().statusCode(200)
                .body("resolvedRevision", equalTo(firstCommit));
        Fixture.assignment(tenant, "web", "repo", "apps", Map.of("matchLabels", Map.of("team", tenant)));
        String[] cluster = Fixture.registeredCluster(Names.unique("r"), Map.of("team", tenant));

        CompletableFuture<Response> poll = longPoll(cluster);
        String secondCommit = repo.write("apps/web/cm.yaml", "kind: ConfigMap\nmetadata: {}\n").commit("second");
        bootstrapAdmin().post("/api/v1/sources/" + source + "/refresh").then().statusCode(200);

        Response woken = poll.get(20, TimeUnit.SECONDS);
        assertThat(woken.statusCode()).isEqualTo(200);
        assertThat(woken.<String>path("assignments[0].source.revision")).isEqualTo(secondCommit);
    }

    @Test
    void aChangeCommittedByAnotherReplicaWakesTheWaitingAgent() throws Exception {
        String tenant = Names.unique("peer");
        String assignment = assignmentOnClustersLabelled(tenant, "web", "team", tenant);
        String[] cluster = Fixture.registeredCluster(Names.unique("p"), Map.of("team", tenant));

        CompletableFuture<Response> poll = longPoll(cluster);
        // What another replica's "sync now" commits, over a connection this application does not own.
        try (Connection peer = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            peer.setAutoCommit(false);
            try (Statement statement = peer.createStatement()) {
                statement.executeUpdate("UPDATE assignment SET generation = 7 WHERE id = '" + assignment + "'");
                statement.executeUpdate("UPDATE fleet_version SET version = version + 1");
                statement.execute("NOTIFY gitfleet_changes, '*'");
            }
            peer.commit();
        }

        Response woken = poll.get(20, TimeUnit.SECONDS);
        assertThat(woken.statusCode()).isEqualTo(200);
        assertThat(woken.<Integer>path("assignments[0].generation")).isEqualTo(7);
    }

    @Test
    void waitIsBounded() {
        String[] cluster = Fixture.registeredCluster(Names.unique("bound"), Map.of());
        agent(cluster[1]).get("/api/v1/agents/self/assignments?wait=2h").then().statusCode(400)
                .body("errors[0].field", equalTo("wait"));
        agent(cluster[1]).get("/api/v1/agents/self/assignments?wait=soon").then().statusCode(400);
    }

    /** A tenant with a source and one assignment selecting clusters that carry {@code key=value}. */
    private static String assignmentOnClustersLabelled(String tenant, String name, String key, String value) {
        Fixture.tenant(tenant, "apps");
        Fixture.source(tenant, "repo", "https://git.example.com/apps.git");
        return Fixture.assignment(tenant, name, "repo", "apps", Map.of("matchLabels", Map.of(key, value)));
    }

    /** Starts a long-poll with the current ETag and returns once the server holds it. */
    private CompletableFuture<Response> longPoll(String[] cluster) {
        String etag = agent(cluster[1]).get("/api/v1/agents/self/assignments").header("ETag");
        int before = feed.waiting();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> agent(cluster[1])
                .header("If-None-Match", etag).get("/api/v1/agents/self/assignments?wait=30s"));
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.waiting() > before);
        return poll;
    }
}
