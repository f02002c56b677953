package io.gitfleet.agent.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitfleet.common.agent.DesiredSource;
import io.gitfleet.common.agent.SourceCredentials;
import io.gitfleet.testsupport.git.GitRepository;
import io.gitfleet.testsupport.git.GitSshServer;
import io.gitfleet.testsupport.git.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches over SSH with a source's private key, against a real SSH Git server (Apache MINA sshd + JGit). */
class SourceCacheSshTest {

    private static GitSshServer ssh;

    @TempDir
    Path cache;

    @BeforeAll
    static void server() {
        ssh = GitSshServer.start();
    }

    @AfterAll
    static void stop() {
        ssh.close();
    }

    private static DesiredSource source(GitRepository repo, String key) {
        return new DesiredSource(repo.url(), "main", null,
                new SourceCredentials(SourceCredentials.Kind.SSH_KEY, "git", key));
    }

    @Test
    void fetchesWithTheAuthorizedKeyAndRemembersTheHostKey() throws Exception {
        GitRepository repo = ssh.createRepository("ssh-" + System.nanoTime());
        String commit = repo.write("apps/web/deploy.yaml", "kind: Deployment\n").commit("first");

        Checkout checkout = new SourceCache(cache).checkout(source(repo, ssh.clientPrivateKey()), "apps/web");

        assertThat(checkout.commit()).isEqualTo(commit);
        assertThat(Files.readString(checkout.root().resolve("apps/web/deploy.yaml"))).isEqualTo("kind: Deployment\n");
        assertThat(Files.readString(cache.resolve("ssh/known_hosts")))
                .contains(SshKeys.publicKeyText(ssh.hostKey()).split(" ")[1]);
    }

    @Test
    void aWrongKeyFailsClearlyWithoutShowingAnyKey() {
        GitRepository repo = ssh.createRepository("denied-" + System.nanoTime());
        repo.write("a.yaml", "a: 1\n").commit("a");
        String wrongKey = SshKeys.privateKeyText(SshKeys.generate());

        assertThatThrownBy(() -> new SourceCache(cache).checkout(source(repo, wrongKey), "."))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("fetch " + repo.url() + " failed")
                .hasMessageNotContaining("PRIVATE KEY");
        assertThatThrownBy(() -> new SourceCache(cache).checkout(source(repo, "not a key"), "."))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("the SSH key of the source is not");
    }

    @Test
    void aKnownHostsPinAcceptsOnlyThePinnedKey() throws Exception {
        GitRepository repo = ssh.createRepository("pinned-" + System.nanoTime());
        repo.write("a.yaml", "a: 1\n").commit("a");
        try (SshTransport pinned = SshTransport.create(cache.resolve("pinned"), ssh.clientPrivateKey(), null,
                ssh.knownHostsLine())) {
            assertThat(Git.lsRemoteRepository().setRemote(repo.url()).setTransportConfigCallback(pinned).call())
                    .isNotEmpty();
        }
        String otherHost = "[127.0.0.1]:" + ssh.port() + " " + SshKeys.publicKeyText(SshKeys.generate().getPublic());
        try (SshTransport wrongPin = SshTransport.create(cache.resolve("wrong-pin"), ssh.clientPrivateKey(), null,
                otherHost)) {
            assertThatThrownBy(() -> Git.lsRemoteRepository().setRemote(repo.url())
                    .setTransportConfigCallback(wrongPin).call()).hasRootCauseMessage("Server key did not validate");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedAfterFirstUse() throws Exception {
        GitRepository repo = ssh.createRepository("tofu-" + System.nanoTime());
        repo.write("a.yaml", "a: 1\n").commit("a");
        Files.createDirectories(cache.resolve("ssh"));
        Files.writeString(cache.resolve("ssh/known_hosts"), "[127.0.0.1]:" + ssh.port() + " "
                + SshKeys.publicKeyText(SshKeys.generate().getPublic()) + "\n");

        assertThatThrownBy(() -> new SourceCache(cache).checkout(source(repo, ssh.clientPrivateKey()), "."))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("fetch " + repo.url() + " failed");
        assertThat(cache.resolve("trees")).doesNotExist();
    }
}
