package io.gitfleet.api.status;

import io.gitfleet.api.assignment.Assignment;
import io.gitfleet.api.cluster.ClusterFilter;
import io.gitfleet.api.cluster.ClusterQueries;
import io.gitfleet.api.cluster.ClusterView;
import io.gitfleet.api.rbac.Grants;
import io.gitfleet.api.web.Page;
import io.gitfleet.api.web.PageRequest;
import io.gitfleet.common.agent.Health;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fleet overview, one page at a time: the page of clusters comes from the same filtered, sorted SQL as the
 * cluster list, then the reports of just those clusters are read and every assignment that targets a cluster gets
 * its verdict there. The work is a page of clusters × the visible assignments, whatever the fleet's size.
 */
@ApplicationScoped
public class ClusterRows {

    private final StatusQueries queries;

    public ClusterRows(StatusQueries queries) {
        this.queries = queries;
    }

    /** {@code tenant}: count only that tenant's assignments (when the caller can read it). In a session. */
    public Uni<Page<ClusterRowView>> page(Grants grants, String tenant, ClusterFilter filter, PageRequest request) {
        return ClusterQueries.page(filter, request).chain(clusters -> RolledAssignments.visible(grants, tenant)
                .chain(RolledAssignments::rolled)
                .chain(rolled -> queries.reportedOn(clusters.items().stream().map(ClusterView::id).toList(),
                        rolled.stream().map(r -> r.assignment().tenantId).distinct().toList())
                        .map(reports -> new Page<>(rows(clusters.items(), rolled, reports), clusters.page(),
                                clusters.size(), clusters.total()))));
    }

    private static List<ClusterRowView> rows(List<ClusterView> clusters, List<StatusQueries.Rolled> assignments,
            List<StatusQueries.Reported> reports) {
        Map<String, StatusQueries.Reported> byPlacement = new HashMap<>();
        reports.forEach(r -> byPlacement.put(r.cluster() + "/" + r.assignment(), r));
        return clusters.stream().map(cluster -> {
            Map<RollupPhase, Long> byPhase = new EnumMap<>(RollupPhase.class);
            Map<Health, Long> byHealth = new EnumMap<>(Health.class);
            int targeting = 0;
            long drifted = 0;
            for (StatusQueries.Rolled rolled : assignments) {
                Assignment a = rolled.assignment();
                if (!a.selector.matches(cluster.labels())) {
                    continue;
                }
                targeting++;
                StatusQueries.Reported report = byPlacement.get(cluster.id() + "/" + a.id);
                Rollup.Target target = report == null
                        ? new Rollup.Target(cluster.state(), null, null, null, null)
                        : new Rollup.Target(cluster.state(), report.generation(), report.appliedRevision(),
                                report.phase(), report.health());
                Rollup.Verdict verdict = Rollup.of(target, a.generation, rolled.desiredRevision(), a.suspended);
                byPhase.merge(verdict.phase(), 1L, Long::sum);
                byHealth.merge(verdict.health(), 1L, Long::sum);
                drifted += report == null ? 0 : report.driftedObjects();
            }
            return new ClusterRowView(cluster, targeting, byPhase, byHealth, drifted);
        }).toList();
    }
}
