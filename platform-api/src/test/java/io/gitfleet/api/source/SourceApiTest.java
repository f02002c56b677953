package io.gitfleet.api.source;

import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.gitfleet.api.support.Database;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.testsupport.git.GitRepository;
import io.gitfleet.testsupport.git.GitServer;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sources resolve refs against a real Git server; credentials are sealed at rest and never leave as JSON. */
@QuarkusTest
class SourceApiTest {

    private static final String TOKEN = "s3cr3t-token-" + Names.unique("t");
    private static GitServer privateGit;

    @InjectService
    PostgresService postgres;

    @BeforeAll
    static void git() {
        privateGit = GitServer.startWithCredentials("deploy", TOKEN);
    }

    @AfterAll
    static void stop() {
        privateGit.close();
    }

    @Test
    void aPrivateSourceResolvesItsRefWithSealedCredentials() {
        GitRepository repo = privateGit.createRepository(Names.unique("private"));
        String commit = repo.write("apps/web/deploy.yaml", "kind: Deployment\n").commit("deploy");
        String tenant = Names.unique("src");
        Fixture.tenant(tenant, "apps");

        Response created = bootstrapAdmin().body(Map.of("tenant", tenant, "name", "private", "url", repo.url(),
                        "ref", "main", "pollInterval", "1m",
                        "credentials", Map.of("kind", "https-token", "username", "deploy", "token", TOKEN)))
                .post("/api/v1/sources");
        created.then().statusCode(201)
                .body("credentialKind", equalTo("https-token"))
                .body("pollInterval", equalTo("1m"));
        assertThat(created.asString()).doesNotContain(TOKEN);
        String id = created.path("id");

        bootstrapAdmin().post("/api/v1/sources/" + id + "/refresh").then().statusCode(200)
                .body("resolvedRevision", equalTo(commit))
                .body("lastError", nullValue());

        List<List<Object>> rows = new Database(postgres).rows(
                "SELECT credential_ciphertext FROM git_source WHERE id = ?::uuid", id);
        byte[] sealed = (byte[]) rows.get(0).get(0);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        assertThat(bootstrapAdmin().get("/api/v1/sources/" + id).asString()).doesNotContain(TOKEN);
        assertThat(new Database(postgres).rows("SELECT count(*) FROM audit_event WHERE summary::text LIKE ?",
                "%" + TOKEN + "%").get(0).get(0)).isEqualTo(0L);
    }

    @Test
    void wrongCredentialsAndMissingRefsAreRecordedNotThrown() {
        GitRepository repo = privateGit.createRepository(Names.unique("denied"));
        repo.write("a.yaml", "a: 1\n").commit("a");
        String tenant = Names.unique("src");
        Fixture.tenant(tenant, "apps");
        String id = bootstrapAdmin().body(Map.of("tenant", tenant, "name", "wrong", "url", repo.url(), "ref", "main",
                        "credentials", Map.of("kind", "https-token", "token", "not-the-token")))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");

        bootstrapAdmin().post("/api/v1/sources/" + id + "/refresh").then().statusCode(200)
                .body("resolvedRevision", nullValue())
                .body("lastError", startsWith("ls-remote " + repo.url() + " failed"));

        bootstrapAdmin().body(Map.of("tenant", tenant, "name", "wrong", "url", repo.url(), "ref", "no-such-branch",
                        "credentials", Map.of("kind", "https-token", "username", "deploy", "token", TOKEN)))
                .put("/api/v1/sources/" + id).then().statusCode(200);
        bootstrapAdmin().post("/api/v1/sources/" + id + "/refresh").then().statusCode(200)
                .body("lastError", equalTo("ref 'no-such-branch' not found in " + repo.url()));
    }

    @Test
    void aTagResolvesToItsCommitAndTheUpdateKeepsCredentials() {
        GitRepository repo = privateGit.createRepository(Names.unique("tags"));
        String commit = repo.write("x.yaml", "x: 1\n").commit("x");
        String tenant = Names.unique("src");
        Fixture.tenant(tenant, "apps");
        String id = bootstrapAdmin().body(Map.of("tenant", tenant, "name", "pinned", "url", repo.url(),
                        "ref", commit, "credentials", Map.of("kind", "https-token", "username", "deploy",
                                "token", TOKEN)))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        bootstrapAdmin().post("/api/v1/sources/" + id + "/refresh").then().body("resolvedRevision", equalTo(commit));

        bootstrapAdmin().body(Map.of("tenant", tenant, "name", "pinned", "url", repo.url(), "ref", "main"))
                .put("/api/v1/sources/" + id).then().statusCode(200).body("credentialKind", equalTo("https-token"));
        bootstrapAdmin().post("/api/v1/sources/" + id + "/refresh").then()
                .body("resolvedRevision", equalTo(commit)).body("lastError", nullValue());
    }

    @Test
    void thePollerFollowsTheRefOnItsInterval() {
        GitRepository repo = privateGit.createRepository(Names.unique("polled"));
        String first = repo.write("a.yaml", "a: 1\n").commit("first");
        String tenant = Names.unique("poll");
        Fixture.tenant(tenant, "apps");
        String id = bootstrapAdmin().body(Map.of("tenant", tenant, "name", "polled", "url", repo.url(), "ref", "main",
                        "pollInterval", "1s", "credentials", Map.of("kind", "https-token", "username", "deploy",
                                "token", TOKEN)))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> bootstrapAdmin().get("/api/v1/sources/" + id)
                .then().body("resolvedRevision", equalTo(first)));
        String second = repo.write("a.yaml", "a: 2\n").commit("second");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> bootstrapAdmin().get("/api/v1/sources/" + id)
                .then().body("resolvedRevision", equalTo(second)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.com/repo.git", "ext::sh -c touch% /tmp/pwned", "javascript:alert(1)",
            "https://user:password@example.com/repo.git", "example.com/repo.git", "" })
    void urlsOutsideTheAllowedSchemesAreRefused(String url) {
        String tenant = Names.unique("url");
        Fixture.tenant(tenant, "apps");
        bootstrapAdmin().body(Map.of("tenant", tenant, "name", "bad", "url", url, "ref", "main"))
                .post("/api/v1/sources").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://git.example.com/a.git", "http://10.0.0.1/a.git", "ssh://git@host/a.git",
            "git@github.com:org/repo.git", "file:///srv/git/a.git" })
    void allowedUrlsAreAccepted(String url) {
        String tenant = Names.unique("ok");
        Fixture.tenant(tenant, "apps");
        bootstrapAdmin().body(Map.of("tenant", tenant, "name", "good", "url", url, "ref", "release/1.0"))
                .post("/api/v1/sources").then().statusCode(201).body("url", equalTo(url));
    }

    @Test
    void aSourceInUseCannotBeDeleted() {
        String tenant = Names.unique("use");
        Fixture.tenant(tenant, "apps");
        String source = Fixture.source(tenant, "repo", "https://git.example.com/a.git");
        String assignment = Fixture.assignment(tenant, "web", "repo", "apps", Map.of());

        bootstrapAdmin().delete("/api/v1/sources/" + source).then().statusCode(409)
                .body("type", equalTo("https://gitfleet.io/problems/source-in-use"));
        bootstrapAdmin().delete("/api/v1/assignments/" + assignment).then().statusCode(204);
        bootstrapAdmin().delete("/api/v1/sources/" + source).then().statusCode(204);
        bootstrapAdmin().get("/api/v1/sources/" + source).then().statusCode(404).body("status", not(equalTo(500)));
    }
}
