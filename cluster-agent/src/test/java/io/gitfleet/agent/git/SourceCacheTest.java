package io.gitfleet.agent.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitfleet.common.agent.DesiredSource;
import io.gitfleet.common.agent.SourceCredentials;
import io.gitfleet.testsupport.git.GitRepository;
import io.gitfleet.testsupport.git.GitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches from a real Git server over smart HTTP with token auth. */
class SourceCacheTest {

    private static final String TOKEN = "agent-test-token";
    private static GitServer git;

    @TempDir
    Path cache;

    @BeforeAll
    static void server() {
        git = GitServer.startWithCredentials("deploy", TOKEN);
    }

    @AfterAll
    static void stop() {
        git.close();
    }

    private static DesiredSource source(GitRepository repo, String ref, String revision, String token) {
        return new DesiredSource(repo.url(), ref, revision,
                new SourceCredentials(SourceCredentials.Kind.HTTPS_TOKEN, "deploy", token));
    }

    @Test
    void extractsOnlyTheAssignmentPathOfTheRefsCommit() throws Exception {
        GitRepository repo = git.createRepository("apps-" + System.nanoTime());
        String first = repo.write("apps/web/deploy.yaml", "kind: Deployment\n")
                .write("apps/api/deploy.yaml", "kind: Deployment\n").commit("first");
        SourceCache sources = new SourceCache(cache);

        Checkout checkout = sources.checkout(source(repo, "main", null, TOKEN), "apps/web");

        assertThat(checkout.commit()).isEqualTo(first);
        assertThat(Files.readString(checkout.root().resolve("apps/web/deploy.yaml"))).isEqualTo("kind: Deployment\n");
        assertThat(checkout.root().resolve("apps/api")).doesNotExist();

        String second = repo.write("apps/web/deploy.yaml", "kind: Deployment\nspec: {}\n").commit("second");
        Checkout next = sources.checkout(source(repo, "main", null, TOKEN), "apps/web");
        assertThat(next.commit()).isEqualTo(second);
        assertThat(Files.readString(next.root().resolve("apps/web/deploy.yaml"))).contains("spec: {}");
        assertThat(Files.readString(checkout.root().resolve("apps/web/deploy.yaml")))
                .as("an extracted commit never changes").isEqualTo("kind: Deployment\n");
    }

    @Test
    void aPinnedOlderRevisionDeepensTheShallowCache() throws Exception {
        GitRepository repo = git.createRepository("pinned-" + System.nanoTime());
        String old = repo.write("a/x.yaml", "v: 1\n").commit("old");
        repo.write("a/x.yaml", "v: 2\n").commit("new");
        SourceCache sources = new SourceCache(cache);
        sources.checkout(source(repo, "main", null, TOKEN), "a");

        Checkout pinned = sources.checkout(source(repo, "main", old, TOKEN), "a");

        assertThat(pinned.commit()).isEqualTo(old);
        assertThat(Files.readString(pinned.root().resolve("a/x.yaml"))).isEqualTo("v: 1\n");
    }

    @Test
    void failuresSayWhatAndNeverTheToken() {
        GitRepository repo = git.createRepository("denied-" + System.nanoTime());
        repo.write("a.yaml", "a: 1\n").commit("a");
        SourceCache sources = new SourceCache(cache);

        assertThatThrownBy(() -> sources.checkout(source(repo, "main", null, "wrong-token"), "."))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("fetch " + repo.url() + " failed")
                .hasMessageNotContaining("wrong-token");
        assertThatThrownBy(() -> sources.checkout(source(repo, "no-such-branch", null, TOKEN), "."))
                .hasMessage("ref 'no-such-branch' not found in " + repo.url());
        assertThatThrownBy(() -> sources.checkout(source(repo, "main", "0".repeat(40), TOKEN), "."))
                .hasMessage("revision " + "0".repeat(40) + " not found in " + repo.url());
    }
}
