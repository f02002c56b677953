package io.gitfleet.api.status;

import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.SyncPhase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.gitfleet.api.change.ListenConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Live status streams held on this replica. Every replica LISTENs to {@link StatusNotices}; when a notification
 * arrives and someone is watching, the named placements are read once and each subscriber gets those its rights
 * and filters allow. With nobody watching, a notification costs nothing.
 */
@ApplicationScoped
public class StatusFeed {

    private static final Logger LOG = Logger.getLogger(StatusFeed.class);

    /** What one stream may see ({@code tenants} null: every tenant) and asked for (nulls: anything). */
    public record Filter(Set<UUID> tenants, String tenant, UUID cluster, UUID assignment) {

        boolean allows(StatusEventView event, UUID tenantId) {
            if (cluster != null && !cluster.equals(event.clusterId())) {
                return false;
            }
            if (event.type().equals(StatusEventView.CLUSTER_STATE)) {
                return assignment == null && tenant == null;
            }
            return (tenants == null || tenants.contains(tenantId))
                    && (tenant == null || tenant.equals(event.tenant()))
                    && (assignment == null || assignment.equals(event.assignmentId()));
        }
    }

    private record Subscriber(Filter filter, MultiEmitter<? super StatusEventView> emitter) {
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Vertx vertx;
    private final Pool pool;
    private final ListenConnection connection;
    private PgSubscriber listener;

    public StatusFeed(Vertx vertx, Pool pool, ListenConnection connection) {
        this.vertx = vertx;
        this.pool = pool;
        this.connection = connection;
    }

    void start(@Observes StartupEvent start) {
        listener = PgSubscriber.subscriber(vertx, connection.options()).reconnectPolicy(retries -> 500L);
        listener.channel(StatusNotices.CHANNEL).handler(this::deliver);
        listener.closeHandler(() -> LOG.warn("status feed connection lost; reconnecting"));
        listener.connect().await().indefinitely();
    }

    void stop(@Observes ShutdownEvent stop) {
        subscribers.forEach(s -> s.emitter().complete());
        if (listener != null) {
            listener.close().await().indefinitely();
        }
    }

    public Multi<StatusEventView> stream(Filter filter) {
        return Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber(filter, emitter);
            subscribers.add(subscriber);
            emitter.onTermination(() -> subscribers.remove(subscriber));
        });
    }

    public int watching() {
        return subscribers.size();
    }

    private void deliver(String payload) {
        if (subscribers.isEmpty()) {
            return;
        }
        List<StatusBatchWriter.Placement> placements = StatusNotices.parse(payload);
        List<UUID> clusters = new ArrayList<>();
        List<UUID> assignments = new ArrayList<>();
        List<UUID> clusterOnly = new ArrayList<>();
        for (StatusBatchWriter.Placement placement : placements) {
            if (placement.assignment() == null) {
                clusterOnly.add(placement.cluster());
            } else {
                clusters.add(placement.cluster());
                assignments.add(placement.assignment());
            }
        }
        if (!clusters.isEmpty()) {
            pool.preparedQuery("""
                    SELECT s.cluster_id, c.state, s.assignment_id, a.tenant_id, t.name, s.generation,
                           s.applied_revision, s.phase, s.health, s.drifted_objects, s.received_at
                    FROM unnest($1::uuid[], $2::uuid[]) AS p(cluster_id, assignment_id)
                    JOIN assignment_status s ON s.cluster_id = p.cluster_id AND s.assignment_id = p.assignment_id
                    JOIN assignment a ON a.id = s.assignment_id
                    JOIN tenant t ON t.id = a.tenant_id
                    JOIN cluster c ON c.id = s.cluster_id""")
                    .execute(Tuple.of(clusters.toArray(UUID[]::new), assignments.toArray(UUID[]::new)))
                    .subscribe().with(rows -> {
                        for (Row row : rows) {
                            emit(new StatusEventView(StatusEventView.ASSIGNMENT_STATUS, row.getUUID(0),
                                    row.getString(1), row.getUUID(2), row.getString(4), row.getLong(5),
                                    row.getString(6), SyncPhase.valueOf(row.getString(7)),
                                    Health.valueOf(row.getString(8)), row.getInteger(9),
                                    row.getOffsetDateTime(10).toInstant()), row.getUUID(3));
                        }
                    }, failure -> LOG.warnf("cannot read changed statuses: %s", failure.getMessage()));
        }
        if (!clusterOnly.isEmpty()) {
            pool.preparedQuery("SELECT id, state, coalesce(last_seen_at, now()) FROM cluster WHERE id = ANY($1)")
                    .execute(Tuple.of(clusterOnly.toArray(UUID[]::new)))
                    .subscribe().with(rows -> {
                        for (Row row : rows) {
                            emit(new StatusEventView(StatusEventView.CLUSTER_STATE, row.getUUID(0), row.getString(1),
                                    null, null, null, null, null, null, null,
                                    row.getOffsetDateTime(2).withOffsetSameInstant(ZoneOffset.UTC).toInstant()),
                                    null);
                        }
                    }, failure -> LOG.warnf("cannot read changed clusters: %s", failure.getMessage()));
        }
    }

    private void emit(StatusEventView event, UUID tenantId) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.filter().allows(event, tenantId)) {
                subscriber.emitter().emit(event);
            }
        }
    }
}
