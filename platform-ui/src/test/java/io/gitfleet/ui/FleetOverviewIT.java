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
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
    private static String assignment;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void aSmallFleet() {
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
    }

    @Test
    void aTeamMemberSignsInThroughKeycloakAndFiltersTheFleetBySelector() throws Exception {
        signIn("alice");

        assertThat(wait(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as"))).getText())
                .isEqualTo("alice");
        waitForCell(FLEET + "-c0");
        assertThat(browser.findElement(By.id("tile-clusters")).getText()).contains("Connected");
        screenshot("fleet-overview");

        WebElement selector = browser.findElement(By.id("selector"));
        type(selector, "fleet=" + FLEET + ",tier=core");
        wait(driver -> !cellTexts().contains(FLEET + "-c0") && cellTexts().contains(FLEET + "-c1"));
        assertThat(cellTexts()).contains(FLEET + "-c1", FLEET + "-c2").doesNotContain(FLEET + "-c0");

        type(selector, "fleet in (");
        wait(driver -> selector.getDomAttribute("invalid") != null);
        assertThat(selector.getDomProperty("errorMessage")).as("the API's message on the field").isNotBlank();
    }

    @Test
    void aStatusArrivingOnKafkaUpdatesTheOpenPageWithoutAReload() throws Exception {
        signIn("alice");
        waitForCell(FLEET + "-c1");
        assertThat(cellTexts()).as("no agent reported yet").contains("Pending 1").doesNotContain("Synced 1");

        report(CLUSTERS.get(1), "Synced", "Healthy");

        wait(driver -> cellTexts().contains("Synced 1"));
        assertThat(cellTexts()).contains("Healthy 1");
    }

    @Test
    void signingOutEndsTheSessionAtTheIdentityProvider() {
        signIn("admin");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));

        browser.findElement(By.id("sign-out")).click();

        // Back at the console, which sends the browser to sign in again: Keycloak asks for a password.
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.get(root.toString());
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    /** What a cluster's agent sends after a sync: a signed status of the assignment, over Kafka. */
    private static void report(String[] cluster, String phase, String health) throws Exception {
        String now = java.time.Instant.now().toString();
        String payload = "{\"assignmentId\":\"" + assignment + "\",\"generation\":1,\"desiredRevision\":null,"
                + "\"appliedRevision\":null,\"phase\":\"" + phase + "\",\"health\":\"" + health + "\","
                + "\"message\":null,\"inventory\":[],\"drift\":[],\"startedAt\":\"" + now + "\","
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

    private void signIn(String user) {
        browser.get(root.toString());
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-password");
        browser.findElement(By.id("kc-login")).click();
    }

    private void type(WebElement field, String text) {
        WebElement input = field.findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.ENTER);
    }

    private void waitForCell(String text) {
        wait(driver -> cellTexts().contains(text));
    }

    private List<String> cellTexts() {
        return browser.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText)
                .toList();
    }


    private void screenshot(String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static RequestSpecification admin() {
        return RestAssured.given().baseUri(ConsoleStack.apiUrl()).auth().preemptive()
                .basic("admin", ConsoleStack.ADMIN_PASSWORD).contentType(ContentType.JSON);
    }
}
