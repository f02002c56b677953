package io.gitfleet.api.rbac;

import io.gitfleet.api.audit.AuditLog;
import io.gitfleet.api.audit.AuditRecord;
import io.gitfleet.api.problem.ConflictProblem;
import io.gitfleet.api.problem.NotFoundProblem;
import io.gitfleet.api.tenant.Tenant;
import io.gitfleet.api.tenant.TenantNames;
import io.gitfleet.api.web.Bodies;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Role bindings. Platform-scope bindings are managed by platform admins; a tenant's bindings also by that tenant's
 * admins, who can never grant anything beyond their tenant.
 */
@Path("/api/v1/role-bindings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "RBAC", description = "Roles bound to OIDC groups and users")
public class RoleBindingResource {

    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    public RoleBindingResource(Access access, AuditLog audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "List the bindings the caller can see, optionally of one tenant")
    public Uni<List<RoleBindingView>> list(@QueryParam("tenant") String tenant) {
        return access.grants().chain(grants -> RoleBinding.<RoleBinding>list("order by createdAt, id")
                .chain(bindings -> {
                    List<RoleBinding> visible = bindings.stream()
                            .filter(b -> b.tenantId == null ? grants.canReadPlatform() : grants.canRead(b.tenantId))
                            .toList();
                    return TenantNames.of(visible.stream().map(b -> b.tenantId).filter(id -> id != null)
                            .distinct().toList()).map(names -> visible.stream()
                            .filter(b -> tenant == null || tenant.equals(names.get(b.tenantId)))
                            .map(b -> RoleBindingView.of(b, names.get(b.tenantId)))
                            .toList());
                }));
    }

    @POST
    @WithTransaction
    @Operation(summary = "Bind a group or user to a role")
    public Uni<Response> create(RoleBindingRequest request) {
        return access.grants().chain(grants -> {
            Bodies.require(request).validate();
            Uni<UUID> scope = request.tenant() == null
                    ? Uni.createFrom().item(() -> {
                        Access.requirePlatformAdmin(grants, "binding a platform-scope role");
                        return (UUID) null;
                    })
                    : Tenant.require(request.tenant()).map(t -> {
                        Access.requireAdminister(grants, t.id, "tenant", t.name);
                        return t.id;
                    });
            return scope.chain(tenantId -> RoleBinding.count(
                    "subjectKind = ?1 and subject = ?2 and role = ?3 and "
                            + (tenantId == null ? "tenantId is null" : "tenantId = ?4"),
                    bindParams(request, tenantId)).chain(existing -> {
                        if (existing > 0) {
                            throw new ConflictProblem("binding-exists", "that binding already exists");
                        }
                        RoleBinding binding = new RoleBinding();
                        binding.id = UUID.randomUUID();
                        binding.subjectKind = request.subjectKind();
                        binding.subject = request.subject();
                        binding.role = request.role().wireName();
                        binding.tenantId = tenantId;
                        binding.createdBy = grants.caller().name();
                        binding.createdAt = clock.instant();
                        return binding.<RoleBinding>persist()
                                .call(() -> audit.success(grants.caller(), AuditRecord.of("role-binding.create",
                                        "role-binding", binding.id, binding.subjectKind + ":" + binding.subject,
                                        tenantId, Map.of("role", binding.role))))
                                .map(saved -> Response.created(URI.create("/api/v1/role-bindings/" + saved.id))
                                        .entity(RoleBindingView.of(saved, request.tenant())).build());
                    }));
        });
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Remove a binding")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> RoleBinding.<RoleBinding>findById(id).chain(binding -> {
            if (binding == null || (binding.tenantId == null ? !grants.canReadPlatform()
                    : !grants.canRead(binding.tenantId))) {
                throw new NotFoundProblem("role binding", id);
            }
            if (binding.tenantId == null) {
                Access.requirePlatformAdmin(grants, "removing a platform-scope binding");
            } else {
                Access.requireAdminister(grants, binding.tenantId, "role binding", id);
            }
            return binding.delete()
                    .call(() -> audit.success(grants.caller(), AuditRecord.of("role-binding.delete", "role-binding",
                            id, binding.subjectKind + ":" + binding.subject, binding.tenantId,
                            Map.of("role", binding.role))))
                    .replaceWith(Response.noContent().build());
        }));
    }

    private static Object[] bindParams(RoleBindingRequest request, UUID tenantId) {
        return tenantId == null
                ? new Object[] { request.subjectKind(), request.subject(), request.role().wireName() }
                : new Object[] { request.subjectKind(), request.subject(), request.role().wireName(), tenantId };
    }
}
