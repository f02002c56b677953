package io.gitfleet.api.status;

import io.gitfleet.api.GitfleetConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Turns Connected clusters Offline when nothing was heard from them for N heartbeat intervals, and records the
 * transition; trims the history. Every replica runs it; the conditional UPDATE makes each transition happen (and be recorded) once.
 * The way back to Connected is the next accepted message (see {@link StatusBatchWriter}).
 */
@ApplicationScoped
public class LivenessMonitor {

    private final Pool pool;
    private final GitfleetConfig config;
    private final Clock clock;

    public LivenessMonitor(Pool pool, GitfleetConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${gitfleet.status.heartbeat-interval:30s}", delayed = "${gitfleet.status.heartbeat-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> markSilentClustersOffline() {
        Instant now = clock.instant();
        Instant silentSince = now.minus(config.status().heartbeatInterval()
                .multipliedBy(config.status().missedHeartbeats()));
        return pool.preparedQuery("""
                WITH gone AS (
                    UPDATE cluster SET state = 'Offline'
                    WHERE state = 'Connected' AND coalesce(last_seen_at, registered_at) < $1
                    RETURNING id
                )
                INSERT INTO status_event (cluster_id, at, kind, from_value, to_value)
                SELECT id, $2, 'state', 'Connected', 'Offline' FROM gone""")
                .execute(Tuple.of(silentSince.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /**
     * Bounded history: only the newest entries per cluster and assignment survive. Off the ingestion path (a
     * window over the touched clusters' history in every batch cost more than the batch itself), so the bound
     * holds within one run of this job.
     */
    @Scheduled(every = "${gitfleet.status.history-retention-interval:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> trimHistory() {
        return pool.preparedQuery("""
                DELETE FROM status_event WHERE id IN (
                    SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY cluster_id, assignment_id
                                                                  ORDER BY id DESC) AS rank
                                    FROM status_event) ranked
                    WHERE rank > $1)""")
                .execute(Tuple.of(config.status().historyPerAssignment())).replaceWithVoid();
    }
}
