package io.gitfleet.api.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.api.assignment.Assignment;
import io.gitfleet.api.cluster.ClusterFilter;
import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.api.cluster.SqlParams;
import io.gitfleet.api.web.Page;
import io.gitfleet.api.web.PageRequest;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.common.selector.LabelSelector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads of the fleet state, in SQL that scales with the fleet: targets are the clusters an assignment's selector
 * matches (the same SQL as the cluster list), joined to what their agents reported. Counts are grouped in the
 * database by the facts the roll-up rule needs, and the rule itself ({@link Rollup}) runs once per group, so there is
 * one implementation of "fine" and only a handful of rows leave the database. Must run inside a session.
 */
@ApplicationScoped
public class StatusQueries {

    private static final TypeReference<List<ObjectStatus>> INVENTORY = new TypeReference<>() {
    };
    private static final TypeReference<List<DriftedObject>> DRIFT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public StatusQueries(ObjectMapper json) {
        this.json = json;
    }

    /** An assignment as the roll-up sees it. */
    public record Rolled(Assignment assignment, String desiredRevision) {
    }

    /**
     * Per assignment: verdict counts over its targets (restricted to {@code clusters} when given). Assignments that
     * share a selector (most target "everything" or a few environments) are counted together: one pass over their
     * reports joined to the targets, grouped by the facts the rule needs, plus the targets per state, so targets
     * that never reported are the difference. The work grows with the reports, not with assignments × clusters.
     */
    public Uni<Verdicts> verdicts(List<Rolled> assignments, LabelSelector clusters) {
        Map<LabelSelector, List<Rolled>> bySelector = new java.util.LinkedHashMap<>();
        assignments.forEach(r -> bySelector.computeIfAbsent(r.assignment().selector, k -> new ArrayList<>()).add(r));
        Map<UUID, List<Rollup.Counted>> verdicts = new java.util.HashMap<>();
        long[] drifted = {0};
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<LabelSelector, List<Rolled>> group : bySelector.entrySet()) {
            // One after the other: a reactive session runs one query at a time.
            chain = chain.chain(() -> verdicts(group.getKey(), group.getValue(), clusters, verdicts)
                    .invoke(found -> drifted[0] += found).replaceWithVoid());
        }
        return chain.map(done -> new Verdicts(verdicts, drifted[0]));
    }

    /** Verdict counts per assignment, and the unhealed drifted objects over all their targets. */
    public record Verdicts(Map<UUID, List<Rollup.Counted>> byAssignment, long driftedObjects) {

        public List<Rollup.Counted> of(UUID assignment) {
            return byAssignment.getOrDefault(assignment, List.of());
        }
    }

    /** Counts one selector group into {@code into}; returns the group's unhealed drifted objects. */
    private Uni<Long> verdicts(LabelSelector selector, List<Rolled> group, LabelSelector clusters,
            Map<UUID, List<Rollup.Counted>> into) {
        SqlParams targetParams = new SqlParams();
        String targets = targets(selector, clusters, targetParams);
        SqlParams reportParams = new SqlParams();
        String reported = "SELECT s.assignment_id, c.state, s.phase, s.health, s.generation, s.applied_revision,"
                + " count(*), sum(s.drifted_objects) FROM " + targets(selector, clusters, reportParams) + " JOIN assignment_status s"
                + " ON s.cluster_id = c.id WHERE s.assignment_id IN ("
                + reportParams.add(group.stream().map(r -> r.assignment().id).toList()) + ") GROUP BY 1, 2, 3, 4, 5, 6";
        return rows("SELECT c.state, count(*) FROM " + targets + " GROUP BY 1", targetParams.values())
                .chain(perState -> rows(reported, reportParams.values()).map(reports -> {
                    Map<UUID, Rolled> byId = new java.util.HashMap<>();
                    group.forEach(r -> byId.put(r.assignment().id, r));
                    Map<UUID, Map<ClusterState, Long>> reportedPerState = new java.util.HashMap<>();
                    long drifted = 0;
                    for (Object[] row : reports) {
                        drifted += Cells.number(row[7]);
                        Rolled of = byId.get(Cells.uuid(row[0]));
                        Assignment a = of.assignment();
                        ClusterState state = ClusterState.valueOf(Cells.text(row[1]));
                        long count = Cells.number(row[6]);
                        Rollup.Target target = new Rollup.Target(state, Cells.number(row[4]), Cells.text(row[5]),
                                SyncPhase.valueOf(Cells.text(row[2])), Health.valueOf(Cells.text(row[3])));
                        into.computeIfAbsent(a.id, k -> new ArrayList<>()).add(new Rollup.Counted(
                                Rollup.of(target, a.generation, of.desiredRevision(), a.suspended), count));
                        reportedPerState.computeIfAbsent(a.id, k -> new java.util.EnumMap<>(ClusterState.class))
                                .merge(state, count, Long::sum);
                    }
                    for (Rolled of : group) {
                        Assignment a = of.assignment();
                        Map<ClusterState, Long> seen = reportedPerState.getOrDefault(a.id, Map.of());
                        for (Object[] row : perState) {
                            ClusterState state = ClusterState.valueOf(Cells.text(row[0]));
                            long silent = Cells.number(row[1]) - seen.getOrDefault(state, 0L);
                            if (silent > 0) {
                                into.computeIfAbsent(a.id, k -> new ArrayList<>()).add(new Rollup.Counted(
                                        Rollup.of(new Rollup.Target(state, null, null, null, null), a.generation,
                                                of.desiredRevision(), a.suspended), silent));
                            }
                        }
                    }
                    return drifted;
                }));
    }

    /** One page of an assignment's targets with their verdicts, ordered by cluster name. */
    public Uni<Page<TargetStatusView>> targets(Rolled rolled, PageRequest page) {
        Assignment a = rolled.assignment();
        SqlParams params = new SqlParams();
        String from = targets(a.selector, null, params) + " LEFT JOIN assignment_status s ON s.cluster_id = c.id"
                + " AND s.assignment_id = " + params.add(a.id);
        return rows("SELECT c.id, c.name, c.state, s.generation, s.applied_revision, s.phase, s.health, s.message,"
                + " s.drifted_objects, s.received_at, s.changed_at FROM " + from + " ORDER BY c.name, c.id LIMIT " + page.size()
                + " OFFSET " + page.offset(), params.values()).chain(rows -> count("SELECT count(*) FROM " + from,
                        params.values()).map(total -> new Page<>(rows.stream().map(row -> {
                            SyncPhase phase = row[5] == null ? null : SyncPhase.valueOf(Cells.text(row[5]));
                            Rollup.Verdict verdict = Rollup.of(new Rollup.Target(
                                    ClusterState.valueOf(Cells.text(row[2])), Cells.number(row[3]),
                                    Cells.text(row[4]), phase,
                                    row[6] == null ? null : Health.valueOf(Cells.text(row[6]))),
                                    a.generation, rolled.desiredRevision(), a.suspended);
                            Long drifted = Cells.number(row[8]);
                            return new TargetStatusView(Cells.uuid(row[0]), Cells.text(row[1]), Cells.text(row[2]),
                                    verdict.phase(), verdict.health(), verdict.reason(), Cells.number(row[3]),
                                    Cells.text(row[4]), Cells.text(row[7]), drifted == null ? 0 : drifted.intValue(),
                                    Cells.instant(row[9]), Cells.instant(row[10]));
                        }).toList(), page.page(), page.size(), total)));
    }

    /** Everything the cluster's agent reported for assignments of these tenants. */
    public Uni<List<PlacementView>> placements(UUID cluster, Map<UUID, String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return rows("""
                SELECT s.assignment_id, a.name, a.tenant_id, s.generation, s.desired_revision, s.applied_revision,
                       s.phase, s.health, s.message, s.inventory::text, s.drift::text, s.started_at, s.finished_at,
                       s.received_at, s.changed_at
                FROM assignment_status s JOIN assignment a ON a.id = s.assignment_id
                WHERE s.cluster_id = :cluster AND a.tenant_id IN (:tenants) ORDER BY a.name""",
                Map.of("cluster", cluster, "tenants", tenants.keySet())).map(rows -> rows.stream()
                        .map(row -> new PlacementView(Cells.uuid(row[0]), Cells.text(row[1]),
                                tenants.get(Cells.uuid(row[2])), Cells.number(row[3]), Cells.text(row[4]),
                                Cells.text(row[5]), SyncPhase.valueOf(Cells.text(row[6])),
                                Health.valueOf(Cells.text(row[7])), Cells.text(row[8]),
                                read(Cells.text(row[9]), INVENTORY), read(Cells.text(row[10]), DRIFT),
                                Cells.instant(row[11]), Cells.instant(row[12]), Cells.instant(row[13]),
                                Cells.instant(row[14])))
                        .toList());
    }

    /** What one agent last reported for one assignment, as the roll-up rule needs it. */
    public record Reported(UUID cluster, UUID assignment, SyncPhase phase, Health health, long generation,
            String appliedRevision, int driftedObjects) {
    }

    /** The reports of these clusters for assignments of these tenants. */
    public Uni<List<Reported>> reportedOn(Collection<UUID> clusters, Collection<UUID> tenants) {
        if (clusters.isEmpty() || tenants.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return rows("""
                SELECT s.cluster_id, s.assignment_id, s.phase, s.health, s.generation, s.applied_revision,
                       s.drifted_objects
                FROM assignment_status s JOIN assignment a ON a.id = s.assignment_id
                WHERE s.cluster_id IN (:clusters) AND a.tenant_id IN (:tenants)""",
                Map.of("clusters", clusters, "tenants", tenants)).map(rows -> rows.stream()
                        .map(row -> new Reported(Cells.uuid(row[0]), Cells.uuid(row[1]),
                                SyncPhase.valueOf(Cells.text(row[2])), Health.valueOf(Cells.text(row[3])),
                                Cells.number(row[4]), Cells.text(row[5]), Cells.number(row[6]).intValue()))
                        .toList());
    }

    /** Newest first; cluster-state changes plus changes of assignments in {@code tenants}. */
    public Uni<Page<StatusChangeView>> clusterHistory(UUID cluster, Collection<UUID> tenants, PageRequest page) {
        String where = " WHERE cluster_id = :cluster AND (assignment_id IS NULL"
                + (tenants.isEmpty() ? ")" : " OR assignment_id IN (SELECT id FROM assignment WHERE tenant_id IN"
                        + " (:tenants)))");
        Map<String, Object> params = tenants.isEmpty() ? Map.of("cluster", cluster)
                : Map.of("cluster", cluster, "tenants", tenants);
        return history(where, params, page);
    }

    public Uni<Page<StatusChangeView>> assignmentHistory(UUID assignment, PageRequest page) {
        return history(" WHERE assignment_id = :assignment", Map.of("assignment", assignment), page);
    }

    public Uni<Map<String, Long>> clustersByState(LabelSelector clusters) {
        SqlParams params = new SqlParams();
        String where = ClusterFilter.matching(clusters).where(params);
        return rows("SELECT state, count(*) FROM cluster" + where + " GROUP BY state", params.values())
                .map(rows -> {
                    Map<String, Long> counts = new java.util.TreeMap<>();
                    rows.forEach(row -> counts.put(Cells.text(row[0]), Cells.number(row[1])));
                    return counts;
                });
    }

    private Uni<Page<StatusChangeView>> history(String where, Map<String, Object> params, PageRequest page) {
        return rows("SELECT id, cluster_id, assignment_id, at, kind, from_value, to_value, detail->>'objects'"
                + " FROM status_event" + where + " ORDER BY id DESC LIMIT " + page.size() + " OFFSET "
                + page.offset(), params).chain(rows -> count("SELECT count(*) FROM status_event" + where, params)
                        .map(total -> new Page<>(rows.stream().map(row -> new StatusChangeView(Cells.number(row[0]),
                                Cells.uuid(row[1]), Cells.uuid(row[2]), Cells.instant(row[3]), Cells.text(row[4]),
                                Cells.text(row[5]), Cells.text(row[6]), Cells.text(row[7]))).toList(), page.page(),
                                page.size(), total)));
    }

    /** {@code (SELECT * FROM cluster WHERE ...) c}: the assignment's targets, optionally narrowed further. */
    private static String targets(LabelSelector selector, LabelSelector narrower, SqlParams params) {
        List<String> predicates = new ArrayList<>();
        for (LabelSelector each : narrower == null ? List.of(selector) : List.of(selector, narrower)) {
            String where = ClusterFilter.matching(each).where(params);
            if (!where.isEmpty()) {
                predicates.add(where.substring(" WHERE ".length()));
            }
        }
        return "(SELECT * FROM cluster" + (predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates))
                + ") c";
    }

    private static Uni<List<Object[]>> rows(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static Uni<Long> count(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object> query = session.createNativeQuery(sql, Object.class);
            params.forEach(query::setParameter);
            return query.getSingleResult().map(Cells::number);
        });
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return text == null ? List.of() : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
