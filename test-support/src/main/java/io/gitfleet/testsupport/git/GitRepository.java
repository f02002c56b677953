package io.gitfleet.testsupport.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A served bare repository plus a private working clone that tests edit: {@link #write}/{@link #delete} stage
 * changes and {@link #commit} commits them and pushes to the served repository, the way a person's push would
 * reach a Git host.
 */
public final class GitRepository implements AutoCloseable {

    public static final String BRANCH = "main";

    private final Git bare;
    private final Git work;
    private final String url;
    private final Map<String, String> pendingWrites = new LinkedHashMap<>();
    private final Set<String> pendingDeletes = new LinkedHashSet<>();

    private GitRepository(Git bare, Git work, String url) {
        this.bare = bare;
        this.work = work;
        this.url = url;
    }

    static GitRepository create(Path bareDir, Path workDir, String url) {
        try {
            Git bare = Git.init().setBare(true).setInitialBranch(BRANCH).setDirectory(bareDir.toFile()).call();
            Git work = Git.init().setInitialBranch(BRANCH).setDirectory(workDir.toFile()).call();
            var config = work.getRepository().getConfig();
            config.setString("remote", "origin", "url", bareDir.toUri().toString());
            config.setString("user", null, "name", "Gitfleet Test");
            config.setString("user", null, "email", "test@gitfleet.invalid");
            config.save();
            return new GitRepository(bare, work, url);
        } catch (GitAPIException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot create repository " + bareDir, e));
        }
    }

    /** The clone URL on the Git server. */
    public String url() {
        return url;
    }

    Repository bare() {
        return bare.getRepository();
    }

    /** Stages a file (path relative to the repository root, '/' separated) for the next commit. */
    public GitRepository write(String path, String content) {
        pendingDeletes.remove(path);
        pendingWrites.put(path, content);
        return this;
    }

    /** Stages the removal of a file for the next commit. */
    public GitRepository delete(String path) {
        pendingWrites.remove(path);
        pendingDeletes.add(path);
        return this;
    }

    /** Commits the staged changes, pushes them to the served branch and returns the new commit id. */
    public String commit(String message) {
        try {
            Path root = work.getRepository().getWorkTree().toPath();
            for (Map.Entry<String, String> file : pendingWrites.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                work.add().addFilepattern(file.getKey()).call();
            }
            for (String path : pendingDeletes) {
                work.rm().addFilepattern(path).call();
            }
            RevCommit commit = work.commit().setMessage(message).setAllowEmpty(true).call();
            work.push().setRemote("origin").add(BRANCH).call();
            pendingWrites.clear();
            pendingDeletes.clear();
            return commit.getName();
        } catch (GitAPIException | IOException e) {
            throw new UncheckedIOException(new IOException("commit '" + message + "' failed", e));
        }
    }

    /** The commit the served branch points at now, or null before the first commit. */
    public String head() {
        try {
            ObjectId id = bare.getRepository().resolve("refs/heads/" + BRANCH);
            return id == null ? null : id.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        work.close();
        bare.close();
    }
}
