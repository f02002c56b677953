package io.gitfleet.api.source;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resolves every source whose poll interval has passed. Replicas claim due sources with
 * {@code FOR UPDATE SKIP LOCKED} and push their next poll time forward in the same statement, so with several
 * replicas each source is polled once per interval, not once per replica.
 */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    private static final int BATCH = 20;

    private final Pool pool;
    private final SourceRevisions revisions;
    private final Clock clock;

    public SourcePoller(Pool pool, SourceRevisions revisions, Clock clock) {
        this.pool = pool;
        this.revisions = revisions;
        this.clock = clock;
    }

    @Scheduled(every = "${gitfleet.sources.poller-tick}", delayed = "${gitfleet.sources.poller-tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pollDueSources() {
        return pool.preparedQuery("""
                UPDATE git_source SET next_poll_at = $1 + make_interval(secs => poll_interval_seconds)
                WHERE id IN (SELECT id FROM git_source WHERE next_poll_at <= $1
                             ORDER BY next_poll_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), BATCH))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> row.getUUID("id"))
                .onItem().transformToUniAndConcatenate(this::refreshQuietly)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> refreshQuietly(UUID sourceId) {
        return revisions.refresh(sourceId).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("polling source %s failed: %s", sourceId, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

}
