package io.gitfleet.api.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedObject;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stores the newest status of each (cluster, assignment) of a batch, inside the batch's transaction. Most reports
 * repeat what is stored (a resync that changed nothing): those only move the sequence and the report times, with
 * no JSON sent or parsed. Reports that read differently are written in full with their inventory and drift, and
 * their transitions go to the history. Rows travel as typed arrays ({@code unnest}), one statement per kind
 * whatever the batch size, and every write is guarded by the sequence, so a re-delivered or older report changes
 * nothing.
 */
final class StatusRows {

    private static final TypeReference<List<DriftedObject>> DRIFT = new TypeReference<>() {
    };
    private static final HexFormat HEX = HexFormat.of();

    /** A status to store: {@code payload} is the agent's JSON text, whose inventory and drift are kept as sent. */
    record Report(UUID cluster, long sequence, AssignmentStatus status, String payload) {

        String key() {
            return cluster + "/" + status.assignmentId();
        }
    }

    /** How many rows were written, the history entries, and the placements that now read differently. */
    record Stored(int statuses, List<StatusChange> changes, Set<StatusBatchWriter.Placement> changed) {
    }

    private record Previous(long sequence, byte[] digest, Transitions.Previous facts) {
    }

    private record Full(Report report, ReportedBody body) {
    }

    private final ObjectMapper json;

    StatusRows(ObjectMapper json) {
        this.json = json;
    }

    Uni<Stored> store(SqlConnection connection, List<Report> reports, Instant now) {
        if (reports.isEmpty()) {
            return Uni.createFrom().item(new Stored(0, List.of(), Set.of()));
        }
        return previous(connection, reports).chain(previous -> {
            List<StatusChange> changes = new ArrayList<>();
            List<Full> repeats = new ArrayList<>();
            List<Full> full = new ArrayList<>();
            for (Report report : reports) {
                Previous before = previous.get(report.key());
                if (before != null && report.sequence() <= before.sequence()) {
                    continue;
                }
                ReportedBody body = body(report);
                if (before != null && body.sameAs(before.digest())) {
                    repeats.add(new Full(report, body));
                } else {
                    changes.addAll(Transitions.between(report.cluster(), before == null ? null : before.facts(),
                            report.status(), now));
                    full.add(new Full(report, body));
                }
            }
            return touchRepeats(connection, repeats, now).chain(touched -> {
                // A repeat whose row changed under it (another replica, for a moment, during a rebalance) is
                // written in full instead: whatever is stored, the newest report wins.
                repeats.stream().filter(r -> !touched.contains(r.report().key())).forEach(full::add);
                return writeFull(connection, full, now).map(written -> new Stored(touched.size() + written.size(),
                        changes, written));
            });
        });
    }

    private ReportedBody body(Report report) {
        try {
            return ReportedBody.of(json.getFactory(), report.payload(), report.status());
        } catch (IOException e) {
            // Triage parsed this very payload; it cannot fail to tokenize now.
            throw new IllegalStateException("status payload of " + report.key() + " no longer parses", e);
        }
    }

    /** The stored rows of exactly the batch's pairs; drift is read only where there is some. */
    private Uni<Map<String, Previous>> previous(SqlConnection connection, List<Report> reports) {
        return connection.preparedQuery("""
                SELECT s.cluster_id, s.assignment_id, s.sequence, s.digest, s.applied_revision, s.phase, s.health,
                    CASE WHEN s.drift = '[]' THEN NULL ELSE s.drift::text END AS drift
                FROM unnest($1::uuid[], $2::uuid[]) AS p(cluster_id, assignment_id)
                JOIN assignment_status s ON s.cluster_id = p.cluster_id AND s.assignment_id = p.assignment_id""")
                .execute(Tuple.of(column(reports, Report::cluster, UUID[]::new),
                        column(reports, r -> r.status().assignmentId(), UUID[]::new)))
                .map(rows -> {
                    Map<String, Previous> previous = new HashMap<>();
                    for (Row row : rows) {
                        List<DriftedObject> drift = read(row.getString("drift"));
                        var digest = row.getBuffer("digest");
                        previous.put(row.getUUID("cluster_id") + "/" + row.getUUID("assignment_id"), new Previous(
                                row.getLong("sequence"), digest == null ? null : digest.getBytes(),
                                new Transitions.Previous(row.getString("phase"), row.getString("health"),
                                        row.getString("applied_revision"), Transitions.names(drift, false),
                                        Transitions.names(drift, true))));
                    }
                    return previous;
                });
    }

    /** Repeats: only the sequence and the report times move. Returns the keys of the rows touched. */
    private Uni<Set<String>> touchRepeats(SqlConnection connection, List<Full> repeats, Instant now) {
        if (repeats.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery("""
                UPDATE assignment_status s SET sequence = r.sequence, started_at = r.started_at,
                    finished_at = r.finished_at, received_at = $7
                FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::timestamptz[], $5::timestamptz[], $6::text[])
                    AS r(cluster_id, assignment_id, sequence, started_at, finished_at, digest)
                WHERE s.cluster_id = r.cluster_id AND s.assignment_id = r.assignment_id
                    AND s.sequence < r.sequence AND s.digest = decode(r.digest, 'hex')
                RETURNING s.cluster_id, s.assignment_id""")
                .execute(Tuple.tuple()
                        .addValue(column(repeats, f -> f.report().cluster(), UUID[]::new))
                        .addValue(column(repeats, f -> f.report().status().assignmentId(), UUID[]::new))
                        .addValue(column(repeats, f -> f.report().sequence(), Long[]::new))
                        .addValue(column(repeats, f -> at(f.report().status().startedAt()), OffsetDateTime[]::new))
                        .addValue(column(repeats, f -> at(f.report().status().finishedAt()), OffsetDateTime[]::new))
                        .addValue(column(repeats, f -> HEX.formatHex(f.body().digest()), String[]::new))
                        .addValue(now.atOffset(ZoneOffset.UTC)))
                .map(StatusRows::keys);
    }

    /** New and changed reports, inventory and drift included. Returns the placements written. */
    private Uni<Set<StatusBatchWriter.Placement>> writeFull(SqlConnection connection, List<Full> full, Instant now) {
        if (full.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery("""
                INSERT INTO assignment_status (cluster_id, assignment_id, sequence, generation, desired_revision,
                    applied_revision, phase, health, message, inventory, drift, drifted_objects, started_at,
                    finished_at, digest, received_at, changed_at)
                SELECT r.cluster_id, r.assignment_id, r.sequence, r.generation, r.desired_revision,
                    r.applied_revision, r.phase, r.health, r.message, r.inventory::jsonb, r.drift::jsonb,
                    r.drifted_objects, r.started_at, r.finished_at, decode(r.digest, 'hex'), $16, $16
                FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::timestamptz[],
                    $14::timestamptz[], $15::text[])
                    AS r(cluster_id, assignment_id, sequence, generation, desired_revision, applied_revision, phase,
                    health, message, inventory, drift, drifted_objects, started_at, finished_at, digest)
                JOIN assignment a ON a.id = r.assignment_id
                ON CONFLICT (cluster_id, assignment_id) DO UPDATE SET sequence = excluded.sequence,
                    generation = excluded.generation, desired_revision = excluded.desired_revision,
                    applied_revision = excluded.applied_revision, phase = excluded.phase, health = excluded.health,
                    message = excluded.message, inventory = excluded.inventory, drift = excluded.drift,
                    drifted_objects = excluded.drifted_objects, started_at = excluded.started_at,
                    finished_at = excluded.finished_at, digest = excluded.digest,
                    received_at = excluded.received_at,
                    changed_at = CASE WHEN assignment_status.digest IS DISTINCT FROM excluded.digest
                        THEN excluded.changed_at ELSE assignment_status.changed_at END
                WHERE assignment_status.sequence < excluded.sequence
                RETURNING cluster_id, assignment_id""")
                .execute(Tuple.tuple()
                        .addValue(column(full, f -> f.report().cluster(), UUID[]::new))
                        .addValue(column(full, f -> f.report().status().assignmentId(), UUID[]::new))
                        .addValue(column(full, f -> f.report().sequence(), Long[]::new))
                        .addValue(column(full, f -> f.report().status().generation(), Long[]::new))
                        .addValue(column(full, f -> f.report().status().desiredRevision(), String[]::new))
                        .addValue(column(full, f -> f.report().status().appliedRevision(), String[]::new))
                        .addValue(column(full, f -> f.report().status().phase().name(), String[]::new))
                        .addValue(column(full, f -> f.report().status().health().name(), String[]::new))
                        .addValue(column(full, f -> f.report().status().message(), String[]::new))
                        .addValue(column(full, f -> f.body().inventory(), String[]::new))
                        .addValue(column(full, f -> f.body().drift(), String[]::new))
                        .addValue(column(full, f -> (int) f.report().status().drift().stream()
                                .filter(d -> !d.healed()).count(), Integer[]::new))
                        .addValue(column(full, f -> at(f.report().status().startedAt()), OffsetDateTime[]::new))
                        .addValue(column(full, f -> at(f.report().status().finishedAt()), OffsetDateTime[]::new))
                        .addValue(column(full, f -> HEX.formatHex(f.body().digest()), String[]::new))
                        .addValue(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Set<StatusBatchWriter.Placement> written = new HashSet<>();
                    for (Row row : rows) {
                        written.add(new StatusBatchWriter.Placement(row.getUUID("cluster_id"),
                                row.getUUID("assignment_id")));
                    }
                    return written;
                });
    }

    private static Set<String> keys(Iterable<Row> rows) {
        Set<String> keys = new HashSet<>();
        for (Row row : rows) {
            keys.add(row.getUUID("cluster_id") + "/" + row.getUUID("assignment_id"));
        }
        return keys;
    }

    private static <T, C> C[] column(List<T> rows, Function<T, C> value, java.util.function.IntFunction<C[]> array) {
        C[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private List<DriftedObject> read(String drift) {
        try {
            return drift == null ? List.of() : json.readValue(drift, DRIFT);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
