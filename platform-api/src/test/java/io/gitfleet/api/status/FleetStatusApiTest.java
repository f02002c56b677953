package io.gitfleet.api.status;

import static io.gitfleet.api.support.Api.as;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.api.support.AgentReports;
import io.gitfleet.api.support.Api;
import io.gitfleet.api.support.Database;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.common.agent.DriftedField;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.arc.Arc;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fleet state from real agent reports (Kafka → PostgreSQL → API), rolled up honestly and filtered by rights. */
@QuarkusTest
class FleetStatusApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @InjectService
    PostgresService postgres;

    @InjectService
    KeycloakService keycloak;

    @Inject
    ObjectMapper json;

    private AgentReports agents;
    private Database db;
    private String tenant;
    private UUID assignment;
    private final String[][] clusters = new String[3][];
    private String otherTenant;

    @BeforeEach
    void threeTargets() {
        agents = new AgentReports(json);
        db = new Database(postgres);
        tenant = Names.unique("fs");
        Fixture.tenant(tenant, tenant);
        Fixture.source(tenant, "repo", "https://git.example.com/apps.git");
        assignment = UUID.fromString(Fixture.assignment(tenant, "web", "repo", tenant,
                Map.of("matchLabels", Map.of("fleet", tenant))));
        for (int i = 0; i < 3; i++) {
            clusters[i] = Fixture.registeredCluster(tenant + "-c" + i, Map.of("fleet", tenant));
        }
        // bob (group team-b) is a member of another tenant only: he may read the fleet, not this tenant.
        otherTenant = Names.unique("other");
        Fixture.tenant(otherTenant, otherTenant);
        Fixture.bind("group", "team-b", "tenant-member", otherTenant);
    }

    @AfterEach
    void close() {
        agents.close();
    }

    @Test
    void anAssignmentIsFineOnlyWhenEveryTargetProvedIt() {
        report(0, SyncPhase.Synced, Health.Healthy, List.of());
        report(1, SyncPhase.Failed, Health.Degraded, List.of());

        bootstrapAdmin().get("/api/v1/status/assignments/" + assignment).then().statusCode(200)
                .body("phase", equalTo("Failed")).body("health", equalTo("Unknown"))
                .body("byPhase.Synced", equalTo(1)).body("byPhase.Failed", equalTo(1))
                .body("byPhase.Pending", equalTo(1)).body("targets.total", equalTo(3))
                .body("targets.items.clusterName", contains(tenant + "-c0", tenant + "-c1", tenant + "-c2"))
                .body("targets.items[2].reason", equalTo("no report from the cluster yet"))
                .body("targets.items[1].message", equalTo("web.yaml:3: mapping values are not allowed here"));

        report(1, SyncPhase.Synced, Health.Healthy, List.of());
        report(2, SyncPhase.Synced, Health.Healthy, List.of());
        bootstrapAdmin().get("/api/v1/status/assignments/" + assignment).then()
                .body("phase", equalTo("Synced")).body("health", equalTo("Healthy"));

        // "Sync now" raises the generation: until the agents report it, nothing is fine any more.
        bootstrapAdmin().post("/api/v1/assignments/" + assignment + "/sync").then().statusCode(200);
        bootstrapAdmin().get("/api/v1/status/assignments/" + assignment).then()
                .body("phase", equalTo("Pending")).body("byPhase.Pending", equalTo(3));

        db.update("UPDATE cluster SET state = 'Offline' WHERE id = ?", UUID.fromString(clusters[0][0]));
        bootstrapAdmin().get("/api/v1/status/assignments/" + assignment).then()
                .body("phase", equalTo("Unknown")).body("targets.items[0].phase", equalTo("Unknown"));
    }

    @Test
    void clusterStatusShowsInventoryAndDriftToThoseWhoMaySeeTheTenant() {
        report(0, SyncPhase.Synced, Health.Healthy, List.of(new DriftedObject("apps", "Deployment", "web", "web",
                List.of("/spec/replicas"), false, true, List.of(new DriftedField("/spec/replicas", "2", "5")))));

        bootstrapAdmin().get("/api/v1/status/clusters/" + clusters[0][0]).then().statusCode(200)
                .body("state", equalTo("Connected"))
                .body("assignments[0].assignment", equalTo("web"))
                .body("assignments[0].tenant", equalTo(tenant))
                .body("assignments[0].inventory[0].name", equalTo("settings"))
                .body("assignments[0].drift[0].fields", contains("/spec/replicas"))
                .body("assignments[0].drift[0].healed", equalTo(true))
                .body("assignments[0].drift[0].differences[0].git", equalTo("2"))
                .body("assignments[0].drift[0].differences[0].live", equalTo("5"));
        as(keycloak, "bob").get("/api/v1/status/clusters/" + clusters[0][0]).then().statusCode(200)
                .body("assignments", empty());
        as(keycloak, "bob").get("/api/v1/status/assignments/" + assignment).then().statusCode(404);
        as(keycloak, "bob").get("/api/v1/status/assignments/" + assignment + "/history").then().statusCode(404);
    }

    @Test
    void noRoleMeansForbiddenAndNoCredentialMeansUnauthorized() {
        // frank is signed in but bound to nothing.
        for (String path : List.of("/api/v1/status/summary", "/api/v1/status/clusters/" + clusters[0][0],
                "/api/v1/status/clusters/" + clusters[0][0] + "/history", "/api/v1/status/events")) {
            as(keycloak, "frank").get(path).then().statusCode(403).contentType("application/problem+json");
            Api.anonymous().get(path).then().statusCode(401);
        }
        as(keycloak, "frank").get("/api/v1/status/assignments/" + assignment).then().statusCode(404);
    }

    @Test
    void historyKeepsTransitionsNewestFirst() {
        report(0, SyncPhase.Failed, Health.Degraded, List.of());
        report(0, SyncPhase.Synced, Health.Healthy, List.of());

        bootstrapAdmin().get("/api/v1/status/assignments/" + assignment + "/history").then().statusCode(200)
                .body("items.findAll { it.kind == 'phase' }.to", contains("Synced", "Failed"))
                .body("items.findAll { it.kind == 'health' }.to", contains("Healthy", "Degraded"));
        bootstrapAdmin().get("/api/v1/status/clusters/" + clusters[0][0] + "/history").then().statusCode(200)
                .body("items.kind", hasItem("phase"));
    }

    @Test
    void theSummaryCountsWhatTheCallerMaySee() {
        report(0, SyncPhase.Synced, Health.Healthy, List.of(new DriftedObject("", "ConfigMap", "web", "settings",
                List.of("/data/value"), false, false)));
        report(1, SyncPhase.Synced, Health.Healthy, List.of());

        bootstrapAdmin().queryParam("tenant", tenant).queryParam("selector", "fleet=" + tenant)
                .get("/api/v1/status/summary").then().statusCode(200)
                .body("clusters.Connected", equalTo(3))
                .body("assignments.byPhase.Pending", equalTo(1))
                .body("placements.byPhase.Synced", equalTo(2)).body("placements.byPhase.Pending", equalTo(1))
                .body("driftedObjects", equalTo(1));
        bootstrapAdmin().queryParam("selector", "fleet in (").get("/api/v1/status/summary").then().statusCode(400)
                .body("errors[0].field", equalTo("selector"));
        as(keycloak, "bob").queryParam("tenant", tenant).get("/api/v1/status/summary").then().statusCode(200)
                .body("assignments.byPhase.keySet()", empty());
    }

    @Test
    void theFleetOverviewCountsEachClustersVerdictsForWhatTheCallerMaySee() {
        report(0, SyncPhase.Synced, Health.Healthy, List.of());
        report(1, SyncPhase.Failed, Health.Degraded, List.of(new DriftedObject("apps", "Deployment", "web", "web",
                List.of("/spec/replicas"), false, false)));

        // Other tests' assignments (some target every cluster) share the database: count this tenant's only.
        bootstrapAdmin().queryParam("selector", "fleet=" + tenant).queryParam("sort", "name")
                .queryParam("tenant", tenant).get("/api/v1/status/clusters").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.cluster.name", contains(tenant + "-c0", tenant + "-c1", tenant + "-c2"))
                .body("items.assignments", contains(1, 1, 1))
                .body("items[0].byPhase", equalTo(Map.of("Synced", 1))).body("items[0].byHealth",
                        equalTo(Map.of("Healthy", 1)))
                .body("items[1].byPhase", equalTo(Map.of("Failed", 1))).body("items[1].driftedObjects", equalTo(1))
                .body("items[2].byPhase", equalTo(Map.of("Pending", 1)))
                .body("items[2].byHealth", equalTo(Map.of("Unknown", 1)));
        // bob may read the fleet but not this tenant: the clusters, without their assignments.
        as(keycloak, "bob").queryParam("selector", "fleet=" + tenant).queryParam("tenant", tenant)
                .get("/api/v1/status/clusters").then()
                .statusCode(200).body("total", equalTo(3)).body("items.assignments", contains(0, 0, 0))
                .body("items[0].byPhase.keySet()", empty());
        bootstrapAdmin().queryParam("selector", "fleet in (").get("/api/v1/status/clusters").then().statusCode(400)
                .body("errors[0].field", equalTo("selector"));
    }

    @Test
    void liveEventsReachOnlyThoseWhoMaySeeThem() throws Exception {
        // bob's tenant gets an assignment and a cluster of its own, so bob has something he may see.
        String other = otherTenant;
        Fixture.source(other, "repo", "https://git.example.com/other.git");
        UUID theirs = UUID.fromString(Fixture.assignment(other, "api", "repo", other,
                Map.of("matchLabels", Map.of("fleet", other))));
        String[] theirCluster = Fixture.registeredCluster(other + "-c", Map.of("fleet", other));

        HttpClient http = HttpClient.newHttpClient();
        try {
            BlockingQueue<String> admins = stream(http, "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "admin:bootstrap-test-password".getBytes()), "?assignment=" + assignment);
            BlockingQueue<String> bobs = stream(http, "Bearer " + Api.token(keycloak, "bob"), "");

            report(1, SyncPhase.Failed, Health.Degraded, List.of());
            String event = admins.poll(20, TimeUnit.SECONDS);
            assertThat(event).contains("\"assignmentId\":\"" + assignment + "\"")
                    .contains("\"clusterId\":\"" + clusters[1][0] + "\"").contains("\"phase\":\"Failed\"");
            String failedSince = bootstrapAdmin().get("/api/v1/status/clusters/" + clusters[1][0]).then()
                    .statusCode(200).extract().path("assignments[0].changedAt");

            report(1, SyncPhase.Failed, Health.Degraded, List.of());
            bootstrapAdmin().get("/api/v1/status/clusters/" + clusters[1][0]).then().statusCode(200)
                    .body("assignments[0].changedAt", equalTo(failedSince))
                    .body("assignments[0].reportedAt", not(equalTo(failedSince)));
            report(1, SyncPhase.Synced, Health.Healthy, List.of());
            assertThat(admins.poll(20, TimeUnit.SECONDS)).as("the repeated report was not news: the next event is"
                    + " the change after it").contains("\"clusterId\":\"" + clusters[1][0] + "\"")
                    .contains("\"phase\":\"Synced\"");

            agents.send(agents.status(theirCluster[1], UUID.fromString(theirCluster[0]), AgentReports.nextSequence(),
                    theirs, 1, SyncPhase.Synced, Health.Healthy, "r", List.of()));
            String first = bobs.poll(20, TimeUnit.SECONDS);
            assertThat(first).as("bob's first event is from his tenant: the other one never reached him")
                    .contains("\"assignmentId\":\"" + theirs + "\"");
        } finally {
            // close() would wait for the streams to end, which they never do.
            http.shutdownNow();
        }
    }

    @Test
    void aStatusIngestedByAnotherReplicaReachesThisReplicasStreams() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try {
            BlockingQueue<String> admins = stream(http, "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "admin:bootstrap-test-password".getBytes()), "?assignment=" + assignment);
            // What another replica's ingestion commits and announces, over a connection this application does
            // not own: the row, then the notice naming the placement.
            try (Connection peer = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password()); Statement statement = peer.createStatement()) {
                statement.executeUpdate("INSERT INTO assignment_status (cluster_id, assignment_id, sequence,"
                        + " generation, phase, health, inventory, drift, drifted_objects, received_at) VALUES ('"
                        + clusters[2][0] + "', '" + assignment + "', 1, 1, 'Failed', 'Degraded', '[]', '[]', 0,"
                        + " now())");
                statement.execute("SELECT pg_notify('gitfleet_status', '" + clusters[2][0] + ":" + assignment
                        + "')");
            }

            assertThat(admins.poll(20, TimeUnit.SECONDS)).contains("\"clusterId\":\"" + clusters[2][0] + "\"")
                    .contains("\"phase\":\"Failed\"").contains("\"health\":\"Degraded\"");
        } finally {
            http.shutdownNow();
        }
    }

    /** Opens an SSE stream and queues its data lines. */
    private static BlockingQueue<String> stream(HttpClient http, String authorization, String query)
            throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        StatusFeed feed = Arc.container().instance(StatusFeed.class).get();
        int before = feed.watching();
        String base = ConfigProvider.getConfig().getValue("test.url", String.class);
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/status/events" + query))
                .header("Authorization", authorization).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("data:")).forEach(events::add));
        // The subscription is registered when the response starts; wait for it before producing.
        await().atMost(WITHIN).until(() -> feed.watching() > before);
        return events;
    }

    /**
     * Cluster {@code i} reports the assignment at its current generation and waits until it is stored; every
     * cluster sends a heartbeat first, so none turns Offline while a test runs (tests use 1-second heartbeats).
     */
    private void report(int i, SyncPhase phase, Health health, List<DriftedObject> drift) {
        for (String[] each : clusters) {
            agents.send(agents.heartbeat(each[1], UUID.fromString(each[0]), AgentReports.nextSequence()));
        }
        UUID cluster = UUID.fromString(clusters[i][0]);
        long generation = ((Number) db.rows("SELECT generation FROM assignment WHERE id = ?", assignment)
                .getFirst().getFirst()).longValue();
        long sequence = AgentReports.nextSequence();
        agents.send(agents.status(clusters[i][1], cluster, sequence, assignment, generation, phase, health, "c0ffee",
                drift));
        await().atMost(WITHIN).until(() -> db.rows("SELECT 1 FROM assignment_status WHERE cluster_id = ?"
                + " AND assignment_id = ? AND sequence = ?", cluster, assignment, sequence).size() == 1);
    }
}
