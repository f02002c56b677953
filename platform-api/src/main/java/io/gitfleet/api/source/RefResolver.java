package io.gitfleet.api.source;

import io.gitfleet.api.GitfleetConfig;
import io.gitfleet.common.agent.SourceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Resolves a source's ref to a commit with {@code git ls-remote} (JGit): commit ids stand for themselves, then
 * {@code refs/heads/<ref>}, {@code refs/tags/<ref>} (peeled to the commit for annotated tags), then a full ref
 * name. Blocking network I/O: callers run it on a worker thread.
 */
@ApplicationScoped
public class RefResolver {

    private final int timeoutSeconds;

    public RefResolver(GitfleetConfig config) {
        this.timeoutSeconds = (int) Math.max(1, config.sources().lsRemoteTimeout().toSeconds());
    }

    /** The outcome of one resolution: a commit, or an error message safe to show (no secrets). */
    public record Resolution(String revision, String error) {
    }

    public Resolution resolve(String url, String ref, Optional<SourceCredentials> credentials) {
        if (GitRefs.isCommit(ref)) {
            return new Resolution(ref, null);
        }
        try {
            var lsRemote = Git.lsRemoteRepository().setRemote(url).setHeads(true).setTags(true)
                    .setTimeout(timeoutSeconds);
            if (credentials.isPresent() && credentials.get().kind() == SourceCredentials.Kind.HTTPS_TOKEN) {
                String username = credentials.get().username() == null ? "git" : credentials.get().username();
                lsRemote.setCredentialsProvider(
                        new UsernamePasswordCredentialsProvider(username, credentials.get().secret()));
            }
            Collection<Ref> refs = lsRemote.call();
            return find(refs, ref)
                    .map(id -> new Resolution(id.name(), null))
                    .orElseGet(() -> new Resolution(null, "ref '" + ref + "' not found in " + url));
        } catch (GitAPIException | RuntimeException e) {
            return new Resolution(null, "ls-remote " + url + " failed: " + rootMessage(e));
        }
    }

    private static Optional<ObjectId> find(Collection<Ref> refs, String ref) {
        for (String candidate : new String[] { "refs/heads/" + ref, "refs/tags/" + ref, ref }) {
            for (Ref found : refs) {
                if (found.getName().equals(candidate)) {
                    return Optional.of(found.getPeeledObjectId() != null ? found.getPeeledObjectId()
                            : found.getObjectId());
                }
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
