package io.gitfleet.api.tenant;

import io.gitfleet.api.audit.AuditLog;
import io.gitfleet.api.audit.AuditRecord;
import io.gitfleet.api.change.ChangeNotices;
import io.gitfleet.api.problem.ConflictProblem;
import io.gitfleet.api.problem.InvalidInputProblem;
import io.gitfleet.api.rbac.Access;
import io.gitfleet.api.rbac.Grants;
import io.gitfleet.api.web.Bodies;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "Teams: their namespaces, sources and assignments")
public class TenantResource {

    private final Access access;
    private final AuditLog audit;
    private final ChangeNotices notices;
    private final Clock clock;

    public TenantResource(Access access, AuditLog audit, ChangeNotices notices, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "List the tenants the caller has a role in (all of them for platform roles)")
    public Uni<List<TenantView>> list() {
        return access.grants().chain(grants -> visible(grants)
                .map(tenants -> tenants.stream().map(TenantView::of).toList()));
    }

    private static Uni<List<Tenant>> visible(Grants grants) {
        if (grants.seesAllTenants()) {
            return Tenant.list("order by name");
        }
        if (grants.tenantsWithRoles().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Tenant.list("id in ?1 order by name", List.copyOf(grants.tenantsWithRoles()));
    }

    @GET
    @Path("{name}")
    @WithSession
    @Operation(summary = "Get a tenant")
    public Uni<TenantView> get(@PathParam("name") String name) {
        return access.grants().chain(grants -> Tenant.require(name).map(tenant -> {
            Access.requireRead(grants, tenant.id, "tenant", name);
            return TenantView.of(tenant);
        }));
    }

    @POST
    @WithTransaction
    @Operation(summary = "Create a tenant (platform-admin)")
    public Uni<Response> create(TenantRequest request) {
        return access.grants().chain(grants -> {
            Access.requirePlatformAdmin(grants, "creating a tenant");
            Bodies.require(request).validate();
            return Tenant.count("name", request.name()).chain(existing -> {
                if (existing > 0) {
                    throw new ConflictProblem("name-taken", "tenant '" + request.name() + "' already exists");
                }
                Tenant tenant = new Tenant();
                tenant.id = UUID.randomUUID();
                tenant.name = request.name();
                tenant.displayName = request.displayName();
                tenant.namespaces = request.namespacesOrEmpty().toArray(String[]::new);
                tenant.createdAt = clock.instant();
                tenant.updatedAt = tenant.createdAt;
                return tenant.<Tenant>persist()
                        .call(() -> audit.success(grants.caller(), AuditRecord.of("tenant.create", "tenant",
                                tenant.id, tenant.name, tenant.id, Map.of("namespaces", List.of(tenant.namespaces)))))
                        .map(saved -> Response.created(URI.create("/api/v1/tenants/" + saved.name))
                                .entity(TenantView.of(saved)).build());
            });
        });
    }

    @PUT
    @Path("{name}")
    @WithTransaction
    @Operation(summary = "Change a tenant's display name and namespaces (platform-admin)")
    public Uni<TenantView> update(@PathParam("name") String name, TenantRequest request) {
        return access.grants().chain(grants -> Tenant.require(name).chain(tenant -> {
            Access.requireRead(grants, tenant.id, "tenant", name);
            Access.requirePlatformAdmin(grants, "changing a tenant's namespaces");
            Bodies.require(request).validate();
            if (!name.equals(request.name())) {
                throw InvalidInputProblem.of("name", "cannot be changed (was '" + name + "')");
            }
            List<String> before = List.of(tenant.namespaces);
            tenant.displayName = request.displayName();
            tenant.namespaces = request.namespacesOrEmpty().toArray(String[]::new);
            tenant.updatedAt = clock.instant();
            return audit.success(grants.caller(), AuditRecord.of("tenant.update", "tenant", tenant.id, name,
                            tenant.id, Map.of("namespaces", Map.of("before", before, "after", List.of(tenant.namespaces)))))
                    .chain(notices::fleet)
                    .replaceWith(() -> TenantView.of(tenant));
        }));
    }

    @DELETE
    @Path("{name}")
    @WithTransaction
    @Operation(summary = "Delete a tenant that owns no assignments (platform-admin); its sources and bindings go too")
    public Uni<Response> delete(@PathParam("name") String name) {
        return access.grants().chain(grants -> Tenant.require(name).chain(tenant -> {
            Access.requireRead(grants, tenant.id, "tenant", name);
            Access.requirePlatformAdmin(grants, "deleting a tenant");
            return TenantOwnership.assignmentCount(tenant.id).chain(count -> {
                if (count > 0) {
                    throw new ConflictProblem("tenant-has-assignments", "tenant '" + name + "' still owns " + count
                            + " assignment(s); delete them first");
                }
                return tenant.delete()
                        .call(() -> audit.success(grants.caller(), AuditRecord.of("tenant.delete", "tenant",
                                tenant.id, name, tenant.id, Map.of())))
                        .replaceWith(Response.noContent().build());
            });
        }));
    }
}
