package io.gitfleet.api.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tells every replica which placements a durable batch changed ({@code NOTIFY gitfleet_status}), so live streams
 * held by any replica see status ingested by any other. PostgreSQL caps a notification at 8000 bytes, so a large
 * batch is announced in several.
 */
@ApplicationScoped
public class StatusNotices {

    static final String CHANNEL = "gitfleet_status";
    static final String NO_ASSIGNMENT = "-";
    private static final int MAX_PAYLOAD = 7800;

    private final Pool pool;

    public StatusNotices(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> announce(Iterable<StatusBatchWriter.Placement> placements) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (StatusBatchWriter.Placement placement : placements) {
            String entry = placement.cluster() + ":" + (placement.assignment() == null ? NO_ASSIGNMENT
                    : placement.assignment());
            if (payload.length() + entry.length() + 1 > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            payload.append(payload.isEmpty() ? "" : ",").append(entry);
        }
        if (!payload.isEmpty()) {
            payloads.add(payload.toString());
        }
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("SELECT pg_notify('" + CHANNEL + "', $1)")
                .executeBatch(payloads.stream().map(Tuple::of).toList()).replaceWithVoid();
    }

    /** The placements one notification names. */
    static List<StatusBatchWriter.Placement> parse(String payload) {
        List<StatusBatchWriter.Placement> placements = new ArrayList<>();
        for (String entry : payload.split(",")) {
            String[] parts = entry.split(":");
            if (parts.length == 2) {
                try {
                    placements.add(new StatusBatchWriter.Placement(UUID.fromString(parts[0]),
                            parts[1].equals(NO_ASSIGNMENT) ? null : UUID.fromString(parts[1])));
                } catch (IllegalArgumentException e) {
                    // not ours: ignore
                }
            }
        }
        return placements;
    }
}
