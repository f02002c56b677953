package io.gitfleet.api.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedObject;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one batch of trusted messages in one transaction, as a handful of set-based statements whatever the batch
 * size: the rows travel as one JSON document each ({@code jsonb_to_recordset}), so there is no statement per
 * message. Guards in SQL make it idempotent and safe against a second replica holding the same partition for a
 * moment during a rebalance: a cluster advances only to a newer sequence, only while not revoked and with the
 * credential generation the tag was checked against, and a stored status is replaced only by a newer one.
 */
@ApplicationScoped
public class StatusBatchWriter {

    private static final TypeReference<List<DriftedObject>> DRIFT = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    public StatusBatchWriter(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** What a batch changed: statuses and clusters written, the placements reported, the history recorded. */
    public record Written(int statuses, Set<UUID> clusters, Set<Placement> placements, List<StatusChange> changes) {
    }

    /** A (cluster, assignment) pair; {@code assignment} is null for a change of the cluster itself. */
    public record Placement(UUID cluster, UUID assignment) {
    }

    public Uni<Written> write(List<Triage.Accepted> accepted, Map<UUID, ClusterTrust> trust, Instant now) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().item(new Written(0, Set.of(), Set.of(), List.of()));
        }
        return pool.withTransaction(connection -> advanceClusters(connection, accepted, trust, now)
                .chain(advanced -> {
                    List<AssignmentStatusOf> latest = latestStatuses(accepted, advanced.keySet());
                    Set<Placement> placements = new HashSet<>();
                    latest.forEach(l -> placements.add(new Placement(l.cluster(), l.status().assignmentId())));
                    return writeStatuses(connection, latest, now).map(statusChanges -> {
                        List<StatusChange> changes = new ArrayList<>();
                        advanced.forEach((cluster, states) -> {
                            if (!states[0].equals(states[1])) {
                                changes.add(new StatusChange(cluster, null, now, StatusChange.STATE, states[0],
                                        states[1], null));
                                placements.add(new Placement(cluster, null));
                            }
                        });
                        changes.addAll(statusChanges.changes());
                        return new Written(statusChanges.statuses(), advanced.keySet(), placements, changes);
                    });
                })
                .call(written -> recordChanges(connection, written.changes()).replaceWith(written)));
    }

    /** Sequence, liveness and versions per cluster; returns the clusters that advanced with {was, now} states. */
    private Uni<Map<UUID, String[]>> advanceClusters(SqlConnection connection, List<Triage.Accepted> accepted,
            Map<UUID, ClusterTrust> trust, Instant now) {
        Map<UUID, ObjectNode> rows = new LinkedHashMap<>();
        for (Triage.Accepted message : accepted) {
            UUID cluster = message.envelope().clusterId();
            ObjectNode row = rows.computeIfAbsent(cluster, id -> json.createObjectNode().put("id", id.toString())
                    .put("generation", trust.get(id).generation()));
            row.put("seq", message.envelope().sequence());
            if (message.heartbeat() != null) {
                row.put("heartbeat_at", now.toString()).put("agent_version", message.heartbeat().agentVersion())
                        .put("kubernetes_version", message.heartbeat().kubernetesVersion());
            }
        }
        return connection.preparedQuery("""
                WITH r AS (
                    SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS r(id uuid, generation int, seq bigint,
                        heartbeat_at timestamptz, agent_version text, kubernetes_version text)
                ), old AS (
                    SELECT c.id, c.state FROM cluster c JOIN r ON r.id = c.id FOR UPDATE OF c
                )
                UPDATE cluster c SET last_sequence = r.seq, last_seen_at = $2,
                    last_heartbeat_at = coalesce(r.heartbeat_at, c.last_heartbeat_at),
                    agent_version = coalesce(r.agent_version, c.agent_version),
                    kubernetes_version = coalesce(r.kubernetes_version, c.kubernetes_version),
                    state = CASE WHEN c.state IN ('Offline', 'Pending') THEN 'Connected' ELSE c.state END
                FROM r JOIN old ON old.id = r.id
                WHERE c.id = r.id AND c.last_sequence < r.seq AND c.state <> 'Revoked'
                    AND c.credential_generation = r.generation
                RETURNING c.id, old.state AS was, c.state AS now""")
                .execute(Tuple.of(text(array(rows.values())), now.atOffset(ZoneOffset.UTC)))
                .map(result -> {
                    Map<UUID, String[]> advanced = new HashMap<>();
                    for (Row row : result) {
                        advanced.put(row.getUUID("id"), new String[] {row.getString("was"), row.getString("now")});
                    }
                    return advanced;
                });
    }

    /** The newest accepted status per (cluster, assignment), for clusters that advanced. */
    private static List<AssignmentStatusOf> latestStatuses(List<Triage.Accepted> accepted, Set<UUID> advanced) {
        Map<String, AssignmentStatusOf> latest = new LinkedHashMap<>();
        for (Triage.Accepted message : accepted) {
            UUID cluster = message.envelope().clusterId();
            if (message.status() != null && advanced.contains(cluster)) {
                latest.put(cluster + "/" + message.status().assignmentId(), new AssignmentStatusOf(cluster,
                        message.envelope().sequence(), message.status(), message.envelope().payload()));
            }
        }
        return List.copyOf(latest.values());
    }

    /** {@code payload} is the agent's JSON text, whose inventory and drift are stored as they are. */
    private record AssignmentStatusOf(UUID cluster, long sequence, AssignmentStatus status, String payload) {
    }

    private record StatusesWritten(int statuses, List<StatusChange> changes) {
    }

    private Uni<StatusesWritten> writeStatuses(SqlConnection connection, List<AssignmentStatusOf> statuses,
            Instant now) {
        if (statuses.isEmpty()) {
            return Uni.createFrom().item(new StatusesWritten(0, List.of()));
        }
        Set<UUID> clusters = new HashSet<>();
        Set<UUID> assignments = new HashSet<>();
        statuses.forEach(s -> {
            clusters.add(s.cluster());
            assignments.add(s.status().assignmentId());
        });
        return connection.preparedQuery("""
                SELECT cluster_id, assignment_id, sequence, phase, health, applied_revision, drift::text AS drift
                FROM assignment_status WHERE cluster_id = ANY($1) AND assignment_id = ANY($2)""")
                .execute(Tuple.of(clusters.toArray(UUID[]::new), assignments.toArray(UUID[]::new)))
                .chain(previousRows -> {
                    Map<String, Transitions.Previous> previous = new HashMap<>();
                    Map<String, Long> storedSequence = new HashMap<>();
                    for (Row row : previousRows) {
                        String key = row.getUUID("cluster_id") + "/" + row.getUUID("assignment_id");
                        List<DriftedObject> drift = read(row.getString("drift"));
                        previous.put(key, new Transitions.Previous(row.getString("phase"), row.getString("health"),
                                row.getString("applied_revision"), Transitions.names(drift, false),
                                Transitions.names(drift, true)));
                        storedSequence.put(key, row.getLong("sequence"));
                    }
                    List<StatusChange> changes = new ArrayList<>();
                    ArrayNode rows = json.createArrayNode();
                    for (AssignmentStatusOf of : statuses) {
                        String key = of.cluster() + "/" + of.status().assignmentId();
                        if (of.sequence() <= storedSequence.getOrDefault(key, 0L)) {
                            continue;
                        }
                        changes.addAll(Transitions.between(of.cluster(), previous.get(key), of.status(), now));
                        rows.add(row(of));
                    }
                    return connection.preparedQuery("""
                            INSERT INTO assignment_status (cluster_id, assignment_id, sequence, generation,
                                desired_revision, applied_revision, phase, health, message, inventory, drift,
                                drifted_objects, started_at, finished_at, received_at)
                            SELECT r.cluster_id, r.assignment_id, r.sequence, r.generation, r.desired_revision,
                                r.applied_revision, r.phase, r.health, r.message,
                                coalesce(r.payload->'inventory', '[]'), coalesce(r.payload->'drift', '[]'),
                                r.drifted_objects, r.started_at, r.finished_at, $2
                            FROM jsonb_to_recordset($1::text::jsonb) AS r(cluster_id uuid, assignment_id uuid,
                                sequence bigint, generation bigint, desired_revision text, applied_revision text,
                                phase text, health text, message text, payload jsonb,
                                drifted_objects int, started_at timestamptz, finished_at timestamptz)
                            JOIN assignment a ON a.id = r.assignment_id
                            ON CONFLICT (cluster_id, assignment_id) DO UPDATE SET sequence = excluded.sequence,
                                generation = excluded.generation, desired_revision = excluded.desired_revision,
                                applied_revision = excluded.applied_revision, phase = excluded.phase,
                                health = excluded.health, message = excluded.message, inventory = excluded.inventory,
                                drift = excluded.drift, drifted_objects = excluded.drifted_objects,
                                started_at = excluded.started_at, finished_at = excluded.finished_at,
                                received_at = excluded.received_at
                            WHERE assignment_status.sequence < excluded.sequence""")
                            .execute(Tuple.of(text(rows), now.atOffset(ZoneOffset.UTC)))
                            .map(result -> new StatusesWritten(result.rowCount(), changes));
                });
    }

    private ObjectNode row(AssignmentStatusOf of) {
        AssignmentStatus status = of.status();
        ObjectNode row = json.createObjectNode()
                .put("cluster_id", of.cluster().toString())
                .put("assignment_id", status.assignmentId().toString())
                .put("sequence", of.sequence())
                .put("generation", status.generation())
                .put("desired_revision", status.desiredRevision())
                .put("applied_revision", status.appliedRevision())
                .put("phase", status.phase().name())
                .put("health", status.health().name())
                .put("message", status.message())
                .put("drifted_objects", status.drift().stream().filter(d -> !d.healed()).count())
                .put("started_at", status.startedAt() == null ? null : status.startedAt().toString())
                .put("finished_at", status.finishedAt() == null ? null : status.finishedAt().toString());
        row.putRawValue("payload", new RawValue(of.payload()));
        return row;
    }

    private Uni<Void> recordChanges(SqlConnection connection, List<StatusChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = json.createArrayNode();
        for (StatusChange change : changes) {
            rows.addObject().put("cluster_id", change.clusterId().toString())
                    .put("assignment_id", change.assignmentId() == null ? null : change.assignmentId().toString())
                    .put("at", change.at().toString()).put("kind", change.kind()).put("from_value", change.from())
                    .put("to_value", change.to()).put("detail", change.detail());
        }
        return connection.preparedQuery("""
                INSERT INTO status_event (cluster_id, assignment_id, at, kind, from_value, to_value, detail)
                SELECT r.cluster_id, r.assignment_id, r.at, r.kind, r.from_value, r.to_value,
                    CASE WHEN r.detail IS NULL THEN NULL ELSE jsonb_build_object('objects', r.detail) END
                FROM jsonb_to_recordset($1::text::jsonb) AS r(cluster_id uuid, assignment_id uuid, at timestamptz,
                    kind text, from_value text, to_value text, detail text)
                WHERE r.assignment_id IS NULL OR EXISTS (SELECT 1 FROM assignment a WHERE a.id = r.assignment_id)""")
                .execute(Tuple.of(text(rows)))
                .replaceWithVoid();
    }

    private ArrayNode array(java.util.Collection<ObjectNode> nodes) {
        ArrayNode array = json.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private String text(ArrayNode rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise status rows", e);
        }
    }

    private List<DriftedObject> read(String drift) {
        try {
            return drift == null ? List.of() : json.readValue(drift, DRIFT);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
