package io.gitfleet.agent.git;

import io.gitfleet.common.agent.DesiredSource;
import io.gitfleet.common.agent.SourceCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * One bare repository per source URL under the cache directory, fetched shallowly (depth 1) and deepened only
 * when a pinned revision is not in the shallow history. A checkout extracts just the assignment's path of one
 * commit into {@code trees/<commit>/<path>}, written once and reused, so rendering never sees a half-updated tree.
 * Blocking I/O: run it off event-loop threads.
 */
public final class SourceCache {

    private final Path root;

    public SourceCache(Path root) {
        this.root = root;
    }

    /** Fetches the source and extracts {@code path} of the wanted commit (the pinned/resolved one, else the ref). */
    public Checkout checkout(DesiredSource source, String path) throws FetchException {
        Path gitDir = root.resolve("repos").resolve(CacheNames.of(source.url()));
        try (Git git = open(gitDir)) {
            fetch(git, source, 1, root.resolve("ssh"));
            Optional<ObjectId> commit = wanted(git.getRepository(), source);
            if (commit.isEmpty() || !has(git.getRepository(), commit.get())) {
                // Pinned to a commit older than the shallow tip: fetch the whole history once.
                fetch(git, source, 0, root.resolve("ssh"));
                commit = wanted(git.getRepository(), source);
            }
            if (commit.isEmpty() || !has(git.getRepository(), commit.get())) {
                throw new FetchException(source.revision() != null
                        ? "revision " + source.revision() + " not found in " + source.url()
                        : "ref '" + source.ref() + "' not found in " + source.url());
            }
            return extract(git.getRepository(), commit.get(), path);
        } catch (IOException e) {
            throw new FetchException("cannot read the cache of " + source.url() + ": " + e.getMessage(), e);
        }
    }

    private static Git open(Path gitDir) throws IOException, FetchException {
        try {
            if (Files.isDirectory(gitDir.resolve("objects"))) {
                return Git.open(gitDir.toFile());
            }
            Files.createDirectories(gitDir);
            Git git = Git.init().setBare(true).setGitDir(gitDir.toFile()).setDirectory(gitDir.toFile()).call();
            // No background gc racing our fetches and extractions; the cache is pruned by whole repositories.
            git.getRepository().getConfig().setInt("gc", null, "auto", 0);
            git.getRepository().getConfig().save();
            return git;
        } catch (GitAPIException e) {
            throw new FetchException("cannot create a cache for the source: " + e.getMessage(), e);
        }
    }

    private static void fetch(Git git, DesiredSource source, int depth, Path sshDir) throws FetchException {
        SourceCredentials credentials = source.credentials();
        boolean ssh = credentials != null && credentials.kind() == SourceCredentials.Kind.SSH_KEY;
        try (SshTransport transport = ssh
                ? SshTransport.create(sshDir, credentials.secret(), credentials.username(), null) : null) {
            FetchCommand fetch = git.fetch().setRemote(source.url())
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                    .setTimeout(60);
            if (depth > 0) {
                fetch.setDepth(depth);
            } else if (git.getRepository().getDirectory().toPath().resolve("shallow").toFile().exists()) {
                fetch.setUnshallow(true);
            }
            credentials(credentials).ifPresent(fetch::setCredentialsProvider);
            if (transport != null) {
                fetch.setTransportConfigCallback(transport);
            }
            fetch.call();
        } catch (GitAPIException | RuntimeException e) {
            throw new FetchException("fetch " + source.url() + " failed: " + rootMessage(e), e);
        }
    }

    private static Optional<CredentialsProvider> credentials(SourceCredentials credentials) {
        if (credentials == null || credentials.kind() != SourceCredentials.Kind.HTTPS_TOKEN) {
            return Optional.empty();
        }
        String user = credentials.username() == null ? "git" : credentials.username();
        return Optional.of(new UsernamePasswordCredentialsProvider(user, credentials.secret()));
    }

    private static Optional<ObjectId> wanted(Repository repository, DesiredSource source) throws IOException {
        if (source.revision() != null) {
            return Optional.of(ObjectId.fromString(source.revision()));
        }
        if (source.ref().matches("[0-9a-f]{40}")) {
            return Optional.of(ObjectId.fromString(source.ref()));
        }
        for (String name : List.of(Constants.R_HEADS + source.ref(), Constants.R_TAGS + source.ref(), source.ref())) {
            Ref ref = repository.exactRef(name);
            if (ref != null) {
                Ref peeled = repository.getRefDatabase().peel(ref);
                return Optional.of(peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId()
                        : peeled.getObjectId());
            }
        }
        return Optional.empty();
    }

    private static boolean has(Repository repository, ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.parseCommit(commit);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Checkout extract(Repository repository, ObjectId commitId, String path) throws IOException {
        String commit = commitId.name();
        String normalized = path == null || path.equals(".") ? "" : path;
        Path tree = root.resolve("trees").resolve(commit + "-" + CacheNames.of(normalized));
        if (Files.isDirectory(tree)) {
            return new Checkout(commit, tree);
        }
        Path staging = Files.createTempDirectory(Files.createDirectories(root.resolve("trees")), "extract-");
        try (RevWalk walk = new RevWalk(repository); TreeWalk files = new TreeWalk(repository)) {
            RevCommit revCommit = walk.parseCommit(commitId);
            files.addTree(revCommit.getTree());
            files.setRecursive(true);
            if (!normalized.isEmpty()) {
                files.setFilter(PathFilter.create(normalized));
            }
            while (files.next()) {
                // Only regular files: a symbolic link in Git must never point the renderer outside the tree.
                if (files.getFileMode(0) != FileMode.REGULAR_FILE && files.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                Path target = staging.resolve(files.getPathString()).normalize();
                if (!target.startsWith(staging)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                ObjectLoader blob = repository.open(files.getObjectId(0));
                try (InputStream in = blob.openStream()) {
                    Files.copy(in, target);
                }
            }
        }
        try {
            Files.move(staging, tree, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(tree)) {
                throw e;
            }
        }
        return new Checkout(commit, tree);
    }


    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
