package io.gitfleet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Administering through the console in a real Chromium, people signed in through the real Keycloak, every change
 * made by the real platform-api: tenants, sources, assignments with their targets, registration tokens — and a
 * team member who sees only their own tenant and no admin menus.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ConsoleStack.class, restrictToAnnotatedClass = true)
class ConsoleAdminIT extends BrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String TEAM_A = "a-" + RUN;
    private static final String TEAM_B = "b-" + RUN;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void twoTeamsAndSomeClusters() {
        ConsoleStack.admin().body(Map.of("subjectKind", "group", "subject", "platform-admins", "role",
                "platform-admin")).post("/api/v1/role-bindings").then().statusCode(201);
        for (String[] team : List.of(new String[] {TEAM_A, "team-a"}, new String[] {TEAM_B, "team-b"})) {
            ConsoleStack.admin().body(Map.of("name", team[0], "namespaces", List.of(team[0] + "-*")))
                    .post("/api/v1/tenants").then().statusCode(201);
            ConsoleStack.admin().body(Map.of("subjectKind", "group", "subject", team[1], "role", "tenant-member",
                    "tenant", team[0])).post("/api/v1/role-bindings").then().statusCode(201);
            ConsoleStack.admin().body(Map.of("tenant", team[0], "name", "repo", "url", "file:///srv/" + team[0]
                    + ".git", "ref", "main")).post("/api/v1/sources").then().statusCode(201);
            ConsoleStack.admin().body(Map.of("tenant", team[0], "name", team[0] + "-web", "source", "repo", "path",
                    "web", "namespace", team[0] + "-web", "selector", Map.of()))
                    .post("/api/v1/assignments").then().statusCode(201);
        }
        for (String name : List.of("stage-" + RUN + "-1", "stage-" + RUN + "-2", "prod-" + RUN + "-1")) {
            ConsoleStack.admin().body(Map.of("clusterName", name, "labels", Map.of("run", RUN, "env",
                    name.substring(0, name.indexOf('-'))))).post("/api/v1/registration-tokens").then()
                    .statusCode(201);
        }
    }

    @Test
    void anAdminCreatesATenantASourceAndAnAssignmentAndSeesItsTargets() throws Exception {
        String tenant = "shop-" + RUN;
        signIn(root.toString(), "admin");
        assertThat(navigation()).contains("Tenants & access", "Registration");

        browser.get(root + "tenants");
        click("new-tenant");
        type("tenant-name", tenant);
        type("tenant-namespaces", tenant + "-*");
        click("save-tenant");
        waitForCell("tenants", tenant);
        click("new-binding");
        type("binding-subject", "auditors-" + RUN);
        choose("binding-tenant", tenant);
        click("save-binding");
        waitForCell("bindings", "group auditors-" + RUN);
        assertThat(ConsoleStack.admin().get("/api/v1/role-bindings?tenant=" + tenant).then().extract()
                .<List<String>>path("subject")).containsExactly("auditors-" + RUN);
        screenshot("tenants");

        browser.get(root + "sources");
        click("new-source");
        choose("source-tenant", tenant);
        type("source-name", "apps");
        type("source-url", "https://git.example.com/" + tenant + "/apps.git");
        pick("source-credentials", "https-token");
        type("source-username", "deploy");
        type("source-token", "ghp_console_" + RUN);
        click("save-source");
        waitForCell("sources", "apps");
        assertThat(cells("sources")).as("the kind shows, the token never").contains("https-token");
        assertThat(browser.getPageSource()).doesNotContain("ghp_console_" + RUN);
        assertThat(ConsoleStack.admin().get("/api/v1/sources?tenant=" + tenant).then().extract()
                .<String>path("[0].credentialKind")).isEqualTo("https-token");

        browser.get(root + "assignments/new");
        choose("assignment-tenant", tenant);
        choose("assignment-source", "apps");
        type("assignment-name", "Not_A_Name");
        type("assignment-path", "web");
        type("assignment-namespace", tenant + "-web");
        type("assignment-selector", "run=" + RUN + ",env=stage");
        wait(driver -> text("targets-preview").startsWith("Matches 2 clusters"));
        assertThat(text("targets-preview")).contains("stage-" + RUN + "-1", "stage-" + RUN + "-2")
                .doesNotContain("prod-" + RUN);
        screenshot("assignment-editor");

        click("save-assignment");
        wait(driver -> byId("assignment-name").getDomAttribute("invalid") != null);
        assertThat(byId("assignment-name").getDomProperty("errorMessage")).as("the API's message on the field")
                .isNotBlank();

        type("assignment-name", "web");
        click("save-assignment");
        wait(driver -> text("assignment-title").equals("web"));
        waitForCell("assignment-targets", "stage-" + RUN + "-1");
        assertThat(cells("assignment-targets")).contains("stage-" + RUN + "-2").doesNotContain("prod-" + RUN + "-1");
        screenshot("assignment");

        click("suspend");
        wait(driver -> !browser.findElements(By.id("resume")).isEmpty());
        assertThat(ConsoleStack.admin().get("/api/v1/assignments?tenant=" + tenant).then().extract()
                .<Boolean>path("[0].policy.suspend")).isTrue();

        // What was just done is in the audit log, and the action filter narrows it.
        browser.get(root + "audit");
        choose("audit-tenant", tenant);
        waitForCell("audit", "assignment.suspend");
        type("audit-action", "source.create");
        wait(driver -> !cells("audit").contains("assignment.suspend") && cells("audit").contains("source.create"));
        assertThat(cells("audit")).doesNotContain("tenant.create", "assignment.create");
    }

    @Test
    void anAdminCreatesARegistrationTokenShownOnceWithTheInstallCommand() throws Exception {
        String cluster = "edge-" + RUN;
        signIn(root.toString(), "admin");
        browser.get(root + "registration");
        type("registration-cluster", cluster);
        type("registration-labels", "env=edge, run=" + RUN);
        click("create-token");

        wait(driver -> byId("token-value").getDomProperty("value").startsWith("gfr_"));
        String token = byId("token-value").getDomProperty("value");
        assertThat(byId("install-command").getDomProperty("value")).contains(token, "GITFLEET_AGENT_API_URL",
                "kubectl apply");
        waitForCell("pending", cluster);
        screenshot("registration");

        // The token is real: an agent registers with it, once.
        RestAssured.given().baseUri(ConsoleStack.apiUrl()).contentType(ContentType.JSON)
                .body(Map.of("token", token, "agentVersion", "0.1.0", "kubernetesVersion", "v1.30.2"))
                .post("/api/v1/agents/register").then().statusCode(200);

        type("registration-cluster", "Not A Name");
        click("create-token");
        wait(driver -> byId("registration-cluster").getDomAttribute("invalid") != null);
    }

    @Test
    void aTeamMemberSeesOnlyTheirTenantAndNoAdminMenus() throws Exception {
        signIn(root.toString(), "alice");

        assertThat(navigation()).contains("Fleet", "Assignments", "Sources", "Audit log")
                .doesNotContain("Tenants & access", "Registration");

        browser.get(root + "assignments");
        waitForCell("assignments", TEAM_A + "-web");
        assertThat(cells("assignments")).doesNotContain(TEAM_B + "-web");

        browser.get(root + "audit");
        waitForCell("audit", "assignment " + TEAM_A + "-web");
        assertThat(cells("audit")).doesNotContain("assignment " + TEAM_B + "-web");

        browser.get(root + "tenants");
        wait(driver -> driver.getPageSource().contains("Only platform admins"));
        assertThat(browser.findElements(By.id("new-tenant"))).isEmpty();

        // A narrow window: the navigation becomes a drawer behind the toggle, the page still works.
        browser.manage().window().setSize(new Dimension(420, 800));
        browser.get(root + "assignments");
        waitForCell("assignments", TEAM_A + "-web");
        wait(driver -> browser.findElement(By.tagName("vaadin-app-layout")).getDomAttribute("overlay") != null);
        screenshot("narrow-assignments");
    }
}
