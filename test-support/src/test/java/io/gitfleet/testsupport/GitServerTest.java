package io.gitfleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitfleet.testsupport.git.GitRepository;
import io.gitfleet.testsupport.git.GitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitServerTest {

    @TempDir
    Path clones;

    @Test
    void cloneOverHttpThenFetchSeesACommitPushedAfterwards() throws Exception {
        try (GitServer server = GitServer.start()) {
            GitRepository repo = server.createRepository("fleet");
            String first = repo.write("apps/web/configmap.yaml", "kind: ConfigMap\n").commit("first");

            try (Git clone = Git.cloneRepository().setURI(repo.url()).setDirectory(clones.resolve("a").toFile()).call()) {
                assertThat(clone.getRepository().resolve("HEAD").getName()).isEqualTo(first);
                assertThat(clones.resolve("a/apps/web/configmap.yaml")).hasContent("kind: ConfigMap");

                String second = repo.write("apps/web/configmap.yaml", "kind: ConfigMap\ndata: {}\n")
                        .write("apps/api/service.yaml", "kind: Service\n")
                        .commit("second");
                assertThat(second).isNotEqualTo(first);

                clone.fetch().call();
                ObjectId remoteHead = clone.getRepository().resolve("refs/remotes/origin/main");
                assertThat(remoteHead.getName()).isEqualTo(second);
                assertThat(repo.head()).isEqualTo(second);
            }
        }
    }

    @Test
    void pushOverHttpReachesTheServedRepository() throws Exception {
        try (GitServer server = GitServer.start()) {
            GitRepository repo = server.createRepository("pushed");
            repo.write("README.md", "hello\n").commit("init");
            try (Git clone = Git.cloneRepository().setURI(repo.url()).setDirectory(clones.resolve("p").toFile()).call()) {
                Files.writeString(clones.resolve("p/new.yaml"), "kind: Namespace\n");
                clone.add().addFilepattern("new.yaml").call();
                String pushed = clone.commit().setMessage("from a client").setAuthor("t", "t@x").call().getName();
                clone.push().call();
                assertThat(repo.head()).isEqualTo(pushed);
            }
        }
    }

    @Test
    void credentialsAreRequiredWhenConfigured() throws Exception {
        try (GitServer server = GitServer.startWithCredentials("git", "s3cret-token")) {
            GitRepository repo = server.createRepository("private");
            String head = repo.write("a.yaml", "kind: ConfigMap\n").commit("init");

            assertThatThrownBy(() -> Git.cloneRepository().setURI(repo.url())
                    .setDirectory(clones.resolve("anonymous").toFile()).call())
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("Authentication");
            assertThatThrownBy(() -> Git.cloneRepository().setURI(repo.url())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("git", "wrong"))
                    .setDirectory(clones.resolve("wrong").toFile()).call())
                    .isInstanceOf(TransportException.class);

            try (Git clone = Git.cloneRepository().setURI(repo.url())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("git", "s3cret-token"))
                    .setDirectory(clones.resolve("ok").toFile()).call()) {
                assertThat(clone.getRepository().resolve("HEAD").getName()).isEqualTo(head);
            }
        }
    }

    @Test
    void gitCliClonesToo() throws Exception {
        try (GitServer server = GitServer.start()) {
            GitRepository repo = server.createRepository("cli");
            String head = repo.write("x.yaml", "kind: ConfigMap\n").commit("init");
            Process git = new ProcessBuilder("git", "clone", "--quiet", repo.url(), clones.resolve("cli").toString())
                    .redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes());
            assertThat(git.waitFor()).as(output).isZero();
            try (Git clone = Git.open(clones.resolve("cli").toFile())) {
                assertThat(clone.getRepository().resolve("HEAD").getName()).isEqualTo(head);
            }
        }
    }
}
