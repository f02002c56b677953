package io.gitfleet.api.cluster;

import io.gitfleet.api.audit.AuditLog;
import io.gitfleet.api.audit.AuditRecord;
import io.gitfleet.api.change.ChangeNotices;
import io.gitfleet.api.rbac.Access;
import io.gitfleet.api.web.Bodies;
import io.gitfleet.api.web.Page;
import io.gitfleet.api.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clusters")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters", description = "The fleet: registered clusters, their labels and state")
public class ClusterResource {

    private final Access access;
    private final AuditLog audit;
    private final ChangeNotices notices;
    private final Clock clock;

    public ClusterResource(Access access, AuditLog audit, ChangeNotices notices, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "List clusters, filtered, sorted and paginated by the database")
    public Uni<Page<ClusterView>> list(
            @Parameter(description = "Substring of the name", example = "prod") @QueryParam("name") String name,
            @Parameter(description = "States, comma-separated", example = "Connected,Offline") @QueryParam("state") String state,
            @Parameter(description = "Kubernetes label selector", example = "env=prod,region in (eu,us),!canary")
            @QueryParam("selector") String selector,
            @Parameter(description = "name, state, createdAt or lastHeartbeatAt; '-' for descending", example = "-lastHeartbeatAt")
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        ClusterFilter filter = ClusterFilter.parse(name, state, selector, sort);
        PageRequest pageRequest = PageRequest.of(page, size);
        return access.grants().chain(grants -> {
            Access.requireFleetRead(grants);
            return ClusterQueries.page(filter, pageRequest);
        });
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Get a cluster")
    public Uni<ClusterView> get(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> {
            Access.requireFleetRead(grants);
            return Cluster.require(id).map(ClusterView::of);
        });
    }

    @PUT
    @Path("{id}/labels")
    @WithTransaction
    @Operation(summary = "Replace a cluster's labels (platform-admin); moves it into or out of assignments")
    public Uni<ClusterView> labels(@PathParam("id") UUID id, ClusterLabelsRequest request) {
        return access.grants().chain(grants -> {
            Access.requirePlatformAdmin(grants, "changing cluster labels");
            ClusterLabelsRequest.validate("labels", Bodies.require(request).labels());
            return Cluster.require(id).chain(cluster -> {
                Map<String, String> before = Map.copyOf(cluster.labels);
                cluster.labels = request.labels() == null ? Map.of() : Map.copyOf(request.labels());
                cluster.updatedAt = clock.instant();
                return audit.success(grants.caller(), AuditRecord.of("cluster.labels", "cluster", id, cluster.name,
                                null, Map.of("before", before, "after", cluster.labels)))
                        .chain(() -> notices.cluster(id))
                        .replaceWith(() -> ClusterView.of(cluster));
            });
        });
    }

    @POST
    @Path("{id}/revoke")
    @WithTransaction
    @Operation(summary = "Revoke a cluster (platform-admin): its agent credential stops working at once")
    public Uni<ClusterView> revoke(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> {
            Access.requirePlatformAdmin(grants, "revoking a cluster");
            return Cluster.require(id).chain(cluster -> {
                ClusterState before = cluster.state;
                cluster.state = ClusterState.Revoked;
                // A later re-registration must not bring an old credential back to life.
                cluster.credentialGeneration++;
                cluster.updatedAt = clock.instant();
                return audit.success(grants.caller(), AuditRecord.of("cluster.revoke", "cluster", id, cluster.name,
                                null, Map.of("before", before.name())))
                        .chain(() -> notices.cluster(id))
                        .replaceWith(() -> ClusterView.of(cluster));
            });
        });
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Delete a cluster from the fleet (platform-admin)")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> {
            Access.requirePlatformAdmin(grants, "deleting a cluster");
            return Cluster.require(id).chain(cluster -> cluster.delete()
                    .call(() -> audit.success(grants.caller(), AuditRecord.of("cluster.delete", "cluster", id,
                            cluster.name, null, Map.of("labels", cluster.labels))))
                    .call(() -> notices.cluster(id))
                    .replaceWith(Response.noContent().build()));
        });
    }
}
