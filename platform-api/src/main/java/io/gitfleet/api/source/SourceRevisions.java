package io.gitfleet.api.source;

import io.gitfleet.api.change.ChangeNotices;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.gitfleet.api.problem.NotFoundProblem;
import io.gitfleet.api.web.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import io.gitfleet.common.agent.SourceCredentials;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resolves a source now and records the outcome. A new revision wakes the agents (their desired state carries it);
 * a failed resolution keeps the last good revision, so an unreachable Git server never changes what clusters run.
 */
@ApplicationScoped
public class SourceRevisions {

    private static final Logger LOG = Logger.getLogger(SourceRevisions.class);

    private final RefResolver resolver;
    private final SourceCredentialStore credentials;
    private final ChangeNotices notices;
    private final Clock clock;

    public SourceRevisions(RefResolver resolver, SourceCredentialStore credentials, ChangeNotices notices,
            Clock clock) {
        this.resolver = resolver;
        this.credentials = credentials;
        this.notices = notices;
        this.clock = clock;
    }

    /** Resolves outside any transaction (network I/O on a worker), then records in a short one. */
    public Uni<GitSource> refresh(UUID sourceId) {
        return Panache.withSession(() -> GitSource.require(sourceId))
                .map(source -> new Target(source.url, source.ref, credentials.open(source)))
                .chain(target -> Blocking.call(() -> resolver.resolve(target.url, target.ref, target.credentials)))
                .chain(resolution -> Panache.withTransaction(() -> record(sourceId, resolution)));
    }

    /**
     * Locks the row: the poller and an on-demand refresh may record the same source at once, and neither should
     * fail for it (an optimistic-lock conflict here would reach the user as a 409).
     */
    private Uni<GitSource> record(UUID sourceId, RefResolver.Resolution resolution) {
        return GitSource.<GitSource>findById(sourceId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("source", sourceId)).chain(source -> {
            boolean changed = resolution.revision() != null
                    && !Objects.equals(resolution.revision(), source.resolvedRevision);
            if (resolution.revision() != null) {
                source.resolvedRevision = resolution.revision();
                source.resolvedAt = clock.instant();
                source.lastError = null;
            } else {
                source.lastError = resolution.error();
                LOG.infof("source %s (%s): %s", source.name, source.id, resolution.error());
            }
            source.nextPollAt = clock.instant().plusSeconds(source.pollIntervalSeconds);
            return changed ? notices.fleet().replaceWith(source) : Uni.createFrom().item(source);
        });
    }

    private record Target(String url, String ref, Optional<SourceCredentials> credentials) {
    }
}
