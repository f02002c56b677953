package io.gitfleet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.StatusSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The packaged console in a real headless Chromium, signing people in through the real Keycloak and reading the
 * fleet from the real platform-api ({@link ConsoleStack}); agent status arrives over the real Kafka broker.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ConsoleStack.class, restrictToAnnotatedClass = true)
class FleetOverviewIT extends BrowserTest {

    private static final String FLEET = "it-" + UUID.randomUUID().toString().substring(0, 8);
    /** Cluster id and agent credential of each seeded cluster. */
    private static final List<String[]> CLUSTERS = new java.util.ArrayList<>();
    private static final int SCALE = 10_000;
    private static String assignment;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void aSmallFleetAndTenThousandMore() throws Exception {
        // platform-admins (Keycloak group of "admin") administer the platform; team-a (alice) owns one tenant.
        admin().body(Map.of("subjectKind", "group", "subject", "platform-admins", "role", "platform-admin"))
                .post("/api/v1/role-bindings").then().statusCode(201);
        admin().body(Map.of("name", FLEET, "namespaces", List.of("apps"))).post("/api/v1/tenants").then()
                .statusCode(201);
        admin().body(Map.of("subjectKind", "group", "subject", "team-a", "role", "tenant-admin", "tenant", FLEET))
                .post("/api/v1/role-bindings").then().statusCode(201);
        admin().body(Map.of("tenant", FLEET, "name", "repo", "url", "file:///nonexistent/" + FLEET + ".git", "ref",
                "main")).post("/api/v1/sources").then().statusCode(201);
        assignment = admin().body(Map.of("tenant", FLEET, "name", "web", "source", "repo", "path", "apps/web",
                "namespace", "apps", "selector", Map.of("matchLabels", Map.of("fleet", FLEET))))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 3; i++) {
            String token = admin().body(Map.of("clusterName", FLEET + "-c" + i, "labels", Map.of("fleet", FLEET,
                    "tier", i == 0 ? "edge" : "core"))).post("/api/v1/registration-tokens").then().statusCode(201)
                    .extract().path("token");
            var registered = RestAssured.given().baseUri(ConsoleStack.apiUrl()).contentType(ContentType.JSON)
                    .body(Map.of("token", token, "agentVersion", "0.1.0", "kubernetesVersion", "v1.30.2"))
                    .post("/api/v1/agents/register").then().statusCode(200).extract();
            CLUSTERS.add(new String[] {registered.path("clusterId"), registered.path("credential")});
        }
        seedScale();
    }

    /** 10,000 more clusters, straight into the database (registering each through the API is not the point). */
    private static void seedScale() throws Exception {
        var postgres = ConsoleStack.postgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement insert = c.createStatement()) {
            insert.executeUpdate("""
                    INSERT INTO cluster (id, name, labels, state, created_at, updated_at, last_heartbeat_at)
                    SELECT gen_random_uuid(), format('scale-%s', lpad(i::text, 5, '0')),
                           jsonb_build_object('scale', 'yes', 'shard', (i % 100)::text), 'Connected', now(), now(),
                           now()
                    FROM generate_series(0, """ + (SCALE - 1) + ") AS i");
            insert.execute("ANALYZE cluster");
        }
    }

    @Test
    void aTeamMemberSignsInThroughKeycloakAndFiltersTheFleetBySelector() throws Exception {
        signIn(root.toString(), "alice");

        assertThat(text("signed-in-as")).isEqualTo("alice");
        type("selector", "fleet=" + FLEET);
        waitForCell("clusters", FLEET + "-c0");
        wait(driver -> text("tile-clusters").contains("Connected 3"));
        screenshot("fleet-overview");

        type("selector", "fleet=" + FLEET + ",tier=core");
        wait(driver -> !cells("clusters").contains(FLEET + "-c0") && cells("clusters").contains(FLEET + "-c1"));
        assertThat(cells("clusters")).contains(FLEET + "-c1", FLEET + "-c2").doesNotContain(FLEET + "-c0");

        type("selector", "fleet in (");
        WebElement selector = byId("selector");
        wait(driver -> selector.getDomAttribute("invalid") != null);
        assertThat(selector.getDomProperty("errorMessage")).as("the API's message on the field").isNotBlank();
    }

    @Test
    void aStatusArrivingOnKafkaUpdatesTheOpenPageWithoutAReload() throws Exception {
        signIn(root.toString(), "alice");
        type("selector", "fleet=" + FLEET);
        waitForCell("clusters", FLEET + "-c1");
        assertThat(cells("clusters")).as("no agent reported yet").contains("Pending 1").doesNotContain("Synced 1");

        report(CLUSTERS.get(1), "Synced", "Healthy");

        wait(driver -> cells("clusters").contains("Synced 1"));
        assertThat(cells("clusters")).contains("Healthy 1");
    }

    @Test
    void tenThousandClustersArePagedAndFilteredByTheApiNotTheBrowser() throws Exception {
        signIn(root.toString(), "admin");
        String count = String.format("%,d clusters", SCALE + CLUSTERS.size());
        wait(driver -> text("cluster-count").equals(count));

        // Jump to the last row: the grid asks the API for that page only.
        browser.executeScript("arguments[0].scrollToIndex(arguments[1])", byId("clusters"), SCALE + 10);
        waitForCell("clusters", String.format("scale-%05d", SCALE - 1));
        assertThat(browser.findElements(By.cssSelector("#clusters vaadin-grid-cell-content")))
                .as("only rows near the view are rendered, never all 10,000").hasSizeLessThan(2_000);

        type("selector", "scale=yes,shard=7");
        wait(driver -> text("cluster-count").equals(String.format("%,d clusters", SCALE / 100)));
        waitForCell("clusters", "scale-00007");
        assertThat(cells("clusters")).doesNotContain("scale-00008", FLEET + "-c0");
    }

    @Test
    void aClusterPageShowsItsAssignmentsAndDriftSideBySideAndAdminsRelabelIt() throws Exception {
        report(CLUSTERS.get(0), "Failed", "Degraded", """
                [{"group":"apps","kind":"Deployment","namespace":"apps","name":"web","fields":["/spec/replicas"],
                  "deleted":false,"healed":false,"differences":[{"path":"/spec/replicas","git":"2","live":"5"}]}]""");
        wait(driver -> ConsoleStack.admin().get("/api/v1/status/clusters/" + CLUSTERS.get(0)[0]).then().extract()
                .path("assignments[0].drift[0].differences[0].live") != null);
        signIn(root.toString(), "admin");
        type("selector", "fleet=" + FLEET + ",tier=edge");
        waitForCell("clusters", FLEET + "-c0");
        clickCell("clusters", FLEET + "-c0");

        wait(driver -> text("cluster-name").equals(FLEET + "-c0"));
        waitForCell("cluster-assignments", "web");
        assertThat(cells("cluster-assignments")).contains("Failed", "Degraded");
        waitForCell("cluster-drift", "/spec/replicas");
        assertThat(cells("cluster-drift")).as("Git's value beside the cluster's").containsSubsequence(
                "/spec/replicas", "2", "5", "drifted");
        wait(driver -> byId("cluster-labels").getDomProperty("value").contains("tier=edge"));
        screenshot("cluster");

        type("cluster-labels", "fleet=" + FLEET + ", tier=edge, region=eu");
        click("save-labels");
        wait(driver -> ConsoleStack.admin().get("/api/v1/clusters/" + CLUSTERS.get(0)[0]).then().extract()
                .path("labels.region") != null);
        assertThat(ConsoleStack.admin().get("/api/v1/clusters/" + CLUSTERS.get(0)[0]).then().extract()
                .<String>path("labels.region")).isEqualTo("eu");

        type("cluster-labels", "not a label");
        click("save-labels");
        wait(driver -> byId("cluster-labels").getDomAttribute("invalid") != null);
    }

    @Test
    void signingOutEndsTheSessionAtTheIdentityProvider() {
        signIn(root.toString(), "admin");

        browser.findElement(By.id("sign-out")).click();

        // Back at the console, which sends the browser to sign in again: Keycloak asks for a password.
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.get(root.toString());
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    /** What a cluster's agent sends after a sync: a signed status of the assignment, over Kafka. */
    private static void report(String[] cluster, String phase, String health) throws Exception {
        report(cluster, phase, health, "[]");
    }

    private static void report(String[] cluster, String phase, String health, String drift) throws Exception {
        String now = java.time.Instant.now().toString();
        String payload = "{\"assignmentId\":\"" + assignment + "\",\"generation\":1,\"desiredRevision\":null,"
                + "\"appliedRevision\":null,\"phase\":\"" + phase + "\",\"health\":\"" + health + "\","
                + "\"message\":null,\"inventory\":[],\"drift\":" + drift + ",\"startedAt\":\"" + now + "\","
                + "\"finishedAt\":\"" + now + "\"}";
        StatusEnvelope envelope = StatusSigner.sign(cluster[1], UUID.fromString(cluster[0]),
                System.currentTimeMillis(), now, StatusEnvelope.ASSIGNMENT_STATUS, payload);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsoleStack.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.AGENT_STATUS, cluster[0],
                    new ObjectMapper().writeValueAsString(envelope))).get();
        }
    }

    private static RequestSpecification admin() {
        return ConsoleStack.admin();
    }
}
