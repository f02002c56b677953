package io.gitfleet.api.status;

import io.gitfleet.api.assignment.Assignment;
import io.gitfleet.api.cluster.Cluster;
import io.gitfleet.api.cluster.ClusterFilter;
import io.gitfleet.api.problem.InvalidInputProblem;
import io.gitfleet.api.rbac.Access;
import io.gitfleet.api.rbac.Grants;
import io.gitfleet.api.tenant.Tenant;
import io.gitfleet.api.tenant.TenantNames;
import io.gitfleet.api.web.Page;
import io.gitfleet.api.web.PageRequest;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.selector.InvalidSelectorException;
import io.gitfleet.common.selector.LabelSelector;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.jboss.resteasy.reactive.RestStreamElementType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fleet state as agents reported it: per assignment (rolled up honestly), per cluster, history and summary. A read
 * model of its own under {@code /api/v1/status}, apart from the configuration resources it reports on.
 */
@Path("/api/v1/status")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "What agents report: sync phase, health, drift, history, fleet summary")
public class StatusResource {

    private final Access access;
    private final StatusQueries queries;
    private final StatusFeed feed;
    private final ClusterRows clusterRows;

    public StatusResource(Access access, StatusQueries queries, StatusFeed feed, ClusterRows clusterRows) {
        this.access = access;
        this.queries = queries;
        this.feed = feed;
        this.clusterRows = clusterRows;
    }

    @GET
    @Path("assignments/{id}")
    @WithSession
    @Operation(summary = "An assignment rolled up over its targets, with one page of per-cluster verdicts")
    public Uni<AssignmentRollupView> assignment(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return access.grants().chain(grants -> Assignment.require(id).chain(assignment -> {
            Access.requireRead(grants, assignment.tenantId, "assignment", id);
            return RolledAssignments.rolled(List.of(assignment)).chain(rolled -> queries.verdicts(rolled, null)
                    .chain(verdicts -> queries.targets(rolled.getFirst(), pageRequest)
                            .chain(targets -> Tenant.<Tenant>findById(assignment.tenantId).map(tenant -> {
                                Rollup.Summary summary = Rollup.summarizeCounted(verdicts.of(id),
                                        assignment.suspended);
                                return new AssignmentRollupView(id, assignment.name, tenant.name,
                                        assignment.generation, rolled.getFirst().desiredRevision(), summary.phase(),
                                        summary.health(), summary.byPhase(), summary.byHealth(), targets);
                            }))));
        }));
    }

    @GET
    @Path("assignments/{id}/history")
    @WithSession
    @Operation(summary = "Status changes of an assignment on all its clusters, newest first")
    public Uni<Page<StatusChangeView>> assignmentHistory(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return access.grants().chain(grants -> Assignment.require(id).chain(assignment -> {
            Access.requireRead(grants, assignment.tenantId, "assignment", id);
            return queries.assignmentHistory(id, pageRequest);
        }));
    }

    @GET
    @Path("clusters")
    @WithSession
    @Operation(summary = "The fleet overview: a page of clusters (filtered and sorted as the cluster list), each with"
            + " its assignments' verdicts counted by phase and health and its unhealed drifted objects")
    public Uni<Page<ClusterRowView>> clusters(@QueryParam("name") String name, @QueryParam("state") String state,
            @QueryParam("selector") String selector, @QueryParam("sort") String sort,
            @Parameter(description = "Count only this tenant's assignments") @QueryParam("tenant") String tenant,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        ClusterFilter filter = ClusterFilter.parse(name, state, selector, sort);
        PageRequest pageRequest = PageRequest.of(page, size);
        return access.grants().chain(grants -> {
            Access.requireFleetRead(grants);
            return clusterRows.page(grants, tenant, filter, pageRequest);
        });
    }

    @GET
    @Path("clusters/{id}")
    @WithSession
    @Operation(summary = "What a cluster's agent reported: every assignment (of tenants the caller sees) in full")
    public Uni<ClusterStatusView> cluster(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> {
            Access.requireFleetRead(grants);
            return Cluster.require(id).chain(cluster -> TenantNames.readableBy(grants, null)
                    .chain(tenants -> queries.placements(id, tenants))
                    .map(placements -> new ClusterStatusView(id, cluster.name, cluster.state.name(),
                            cluster.lastSeenAt, cluster.lastHeartbeatAt, placements)));
        });
    }

    @GET
    @Path("clusters/{id}/history")
    @WithSession
    @Operation(summary = "A cluster's state changes and its assignments' status changes, newest first")
    public Uni<Page<StatusChangeView>> clusterHistory(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return access.grants().chain(grants -> {
            Access.requireFleetRead(grants);
            return Cluster.require(id).chain(cluster -> TenantNames.readableBy(grants, null)
                    .chain(tenants -> queries.clusterHistory(id, tenants.keySet(), pageRequest)));
        });
    }

    @GET
    @Path("events")
    @FleetReadRequired
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live status changes (server-sent events) the caller may see, optionally of one tenant,"
            + " cluster or assignment")
    public Multi<StatusEventView> events(@QueryParam("tenant") String tenant, @QueryParam("cluster") UUID cluster,
            @QueryParam("assignment") UUID assignment) {
        // The caller's rights are taken once, when the stream opens.
        return Panache.withSession(() -> access.grants().chain(grants -> {
            Access.requireFleetRead(grants);
            return grants.seesAllTenants() ? Uni.createFrom().item(java.util.Optional.<java.util.Set<UUID>>empty())
                    : TenantNames.readableBy(grants, null).map(t -> java.util.Optional.of(java.util.Set.copyOf(
                            t.keySet())));
        })).onItem().transformToMulti(tenants -> feed.stream(new StatusFeed.Filter(tenants.orElse(null), tenant,
                cluster, assignment)));
    }

    @GET
    @Path("summary")
    @WithSession
    @Operation(summary = "Fleet counts: clusters by state, assignments and placements by phase and health, drift")
    public Uni<FleetSummaryView> summary(@QueryParam("tenant") String tenant,
            @QueryParam("selector") String selector) {
        LabelSelector clusters = clusters(selector);
        return access.grants().chain(grants -> {
            Access.requireFleetRead(grants);
            return RolledAssignments.visible(grants, tenant).chain(assignments -> RolledAssignments
                    .rolled(assignments).chain(rolled -> queries.verdicts(rolled, clusters))
                    .chain(verdicts -> queries.clustersByState(clusters)
                            .map(states -> summary(assignments, verdicts, states))));
        });
    }

    private static FleetSummaryView summary(List<Assignment> assignments, StatusQueries.Verdicts verdicts,
            Map<String, Long> states) {
        Map<RollupPhase, Long> assignmentPhases = new EnumMap<>(RollupPhase.class);
        Map<Health, Long> assignmentHealth = new EnumMap<>(Health.class);
        Map<RollupPhase, Long> placementPhases = new EnumMap<>(RollupPhase.class);
        Map<Health, Long> placementHealth = new EnumMap<>(Health.class);
        for (Assignment assignment : assignments) {
            List<Rollup.Counted> weighted = verdicts.of(assignment.id);
            Rollup.Summary rolled = Rollup.summarizeCounted(weighted, assignment.suspended);
            assignmentPhases.merge(rolled.phase(), 1L, Long::sum);
            assignmentHealth.merge(rolled.health(), 1L, Long::sum);
            for (Rollup.Counted w : weighted) {
                placementPhases.merge(w.verdict().phase(), w.count(), Long::sum);
                placementHealth.merge(w.verdict().health(), w.count(), Long::sum);
            }
        }
        return new FleetSummaryView(states, new FleetSummaryView.Counts(assignmentPhases, assignmentHealth),
                new FleetSummaryView.Counts(placementPhases, placementHealth), verdicts.driftedObjects());
    }

    private static LabelSelector clusters(String selector) {
        if (selector == null || selector.isBlank()) {
            return LabelSelector.EVERYTHING;
        }
        try {
            return LabelSelector.parse(selector);
        } catch (InvalidSelectorException e) {
            throw InvalidInputProblem.of("selector", e.getMessage());
        }
    }
}
