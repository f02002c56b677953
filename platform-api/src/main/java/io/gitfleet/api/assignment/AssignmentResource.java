package io.gitfleet.api.assignment;

import io.gitfleet.api.audit.AuditLog;
import io.gitfleet.api.audit.AuditRecord;
import io.gitfleet.api.change.ChangeNotices;
import io.gitfleet.api.cluster.ClusterFilter;
import io.gitfleet.api.cluster.ClusterQueries;
import io.gitfleet.api.cluster.ClusterView;
import io.gitfleet.api.problem.ConflictProblem;
import io.gitfleet.api.problem.InvalidInputProblem;
import io.gitfleet.api.rbac.Access;
import io.gitfleet.api.source.GitRefs;
import io.gitfleet.api.source.GitSource;
import io.gitfleet.api.tenant.Tenant;
import io.gitfleet.api.tenant.TenantNames;
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
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assignments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Which Git path goes to which clusters")
public class AssignmentResource {

    private final Access access;
    private final AuditLog audit;
    private final ChangeNotices notices;
    private final Clock clock;

    public AssignmentResource(Access access, AuditLog audit, ChangeNotices notices, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "List the assignments of the tenants the caller can see, optionally of one tenant")
    public Uni<List<AssignmentView>> list(@QueryParam("tenant") String tenant) {
        return access.grants().chain(grants -> TenantNames.readableBy(grants, tenant).chain(visible -> {
            if (visible.isEmpty()) {
                return Uni.createFrom().item(List.<AssignmentView>of());
            }
            return Assignment.<Assignment>list("tenantId in ?1 order by name", List.copyOf(visible.keySet()))
                    .chain(assignments -> sourceNames(assignments).map(sources -> assignments.stream()
                            .map(a -> AssignmentView.of(a, visible.get(a.tenantId), sources.get(a.sourceId)))
                            .toList()));
        }));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Get an assignment")
    public Uni<AssignmentView> get(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> Assignment.require(id).chain(assignment -> {
            Access.requireRead(grants, assignment.tenantId, "assignment", id);
            return view(assignment);
        }));
    }

    @GET
    @Path("{id}/targets")
    @WithSession
    @Operation(summary = "The clusters the assignment's selector matches now")
    public Uni<Page<ClusterView>> targets(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return access.grants().chain(grants -> Assignment.require(id).chain(assignment -> {
            Access.requireRead(grants, assignment.tenantId, "assignment", id);
            return ClusterQueries.page(ClusterFilter.matching(assignment.selector), pageRequest);
        }));
    }

    @POST
    @WithTransaction
    @Operation(summary = "Create an assignment (tenant-member or above in its tenant)")
    public Uni<Response> create(AssignmentRequest request) {
        return access.grants().chain(grants -> {
            Bodies.require(request).validate();
            return Tenant.require(request.tenant()).chain(tenant -> {
                Access.requireEdit(grants, tenant.id, "tenant", tenant.name);
                return resolveSource(tenant, request).chain(source -> Assignment
                        .count("tenantId = ?1 and name = ?2", tenant.id, request.name()).chain(taken -> {
                            if (taken > 0) {
                                throw new ConflictProblem("name-taken", "assignment '" + request.name()
                                        + "' already exists in tenant '" + tenant.name + "'");
                            }
                            Assignment assignment = new Assignment();
                            assignment.id = UUID.randomUUID();
                            assignment.tenantId = tenant.id;
                            assignment.name = request.name();
                            assignment.generation = 1;
                            assignment.createdAt = clock.instant();
                            apply(assignment, request, source);
                            return assignment.<Assignment>persist()
                                    .call(() -> audit.success(grants.caller(), AuditRecord.of("assignment.create",
                                            "assignment", assignment.id, assignment.name, tenant.id,
                                            summary(assignment))))
                                    .call(notices::fleet)
                                    .map(saved -> Response.created(URI.create("/api/v1/assignments/" + saved.id))
                                            .entity(AssignmentView.of(saved, tenant.name, source.name)).build());
                        }));
            });
        });
    }

    @PUT
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Replace an assignment's source, path, namespace, selector, policy and substitutions")
    public Uni<AssignmentView> update(@PathParam("id") UUID id, AssignmentRequest request) {
        return access.grants().chain(grants -> Assignment.require(id).chain(assignment -> {
            Access.requireEdit(grants, assignment.tenantId, "assignment", id);
            Bodies.require(request).validate();
            return Tenant.<Tenant>findById(assignment.tenantId).chain(tenant -> {
                if (!tenant.name.equals(request.tenant()) || !assignment.name.equals(request.name())) {
                    throw InvalidInputProblem.of(!tenant.name.equals(request.tenant()) ? "tenant" : "name",
                            "cannot be changed; create a new assignment instead");
                }
                return resolveSource(tenant, request).chain(source -> {
                    Map<String, Object> before = summary(assignment);
                    apply(assignment, request, source);
                    assignment.generation++;
                    return audit.success(grants.caller(), AuditRecord.of("assignment.update", "assignment", id,
                                    assignment.name, tenant.id, Map.of("before", before, "after", summary(assignment))))
                            .chain(notices::fleet)
                            .replaceWith(() -> AssignmentView.of(assignment, tenant.name, source.name));
                });
            });
        }));
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Delete an assignment; agents prune what it deployed (if its policy prunes)")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> Assignment.require(id).chain(assignment -> {
            Access.requireEdit(grants, assignment.tenantId, "assignment", id);
            return assignment.delete()
                    .call(() -> audit.success(grants.caller(), AuditRecord.of("assignment.delete", "assignment", id,
                            assignment.name, assignment.tenantId, summary(assignment))))
                    .call(notices::fleet)
                    .replaceWith(Response.noContent().build());
        }));
    }

    @POST
    @Path("{id}/suspend")
    @WithTransaction
    @Operation(summary = "Suspend: agents stop applying, pruning and healing it")
    public Uni<AssignmentView> suspend(@PathParam("id") UUID id) {
        return act(id, "assignment.suspend", assignment -> {
            assignment.suspended = true;
            return Map.of("suspended", true);
        });
    }

    @POST
    @Path("{id}/resume")
    @WithTransaction
    @Operation(summary = "Resume a suspended assignment")
    public Uni<AssignmentView> resume(@PathParam("id") UUID id) {
        return act(id, "assignment.resume", assignment -> {
            assignment.suspended = false;
            return Map.of("suspended", false);
        });
    }

    @POST
    @Path("{id}/sync")
    @WithTransaction
    @Operation(summary = "Sync now: bumps the generation so every target re-applies")
    public Uni<AssignmentView> sync(@PathParam("id") UUID id) {
        return act(id, "assignment.sync", assignment -> Map.of());
    }

    @PUT
    @Path("{id}/pin")
    @WithTransaction
    @Operation(summary = "Pin the assignment to a commit")
    public Uni<AssignmentView> pin(@PathParam("id") UUID id, PinRequest request) {
        String revision = Bodies.require(request).revision();
        if (!GitRefs.isCommit(revision)) {
            throw InvalidInputProblem.of("revision", "must be a full commit id (40 or 64 hex characters)");
        }
        return act(id, "assignment.pin", assignment -> {
            Map<String, Object> change = new HashMap<>();
            change.put("before", assignment.pinnedRevision);
            change.put("after", revision);
            assignment.pinnedRevision = revision;
            return change;
        });
    }

    @DELETE
    @Path("{id}/pin")
    @WithTransaction
    @Operation(summary = "Unpin: follow the source's ref again")
    public Uni<AssignmentView> unpin(@PathParam("id") UUID id) {
        return act(id, "assignment.unpin", assignment -> {
            Map<String, Object> change = new HashMap<>();
            change.put("before", assignment.pinnedRevision);
            assignment.pinnedRevision = null;
            return change;
        });
    }

    /** An action edits the assignment, bumps its generation, is audited and wakes the agents. */
    private Uni<AssignmentView> act(UUID id, String action, Function<Assignment, Map<String, Object>> change) {
        return access.grants().chain(grants -> Assignment.require(id).chain(assignment -> {
            Access.requireEdit(grants, assignment.tenantId, "assignment", id);
            Map<String, Object> summary = change.apply(assignment);
            assignment.generation++;
            assignment.updatedAt = clock.instant();
            return audit.success(grants.caller(), AuditRecord.of(action, "assignment", id, assignment.name,
                            assignment.tenantId, summary))
                    .chain(notices::fleet)
                    .chain(() -> view(assignment));
        }));
    }

    private static Uni<GitSource> resolveSource(Tenant tenant, AssignmentRequest request) {
        if (!tenant.ownsNamespace(request.namespace())) {
            throw InvalidInputProblem.of("namespace", "'" + request.namespace()
                    + "' is not one of tenant '" + tenant.name + "' namespaces " + Arrays.toString(tenant.namespaces));
        }
        return GitSource.<GitSource>find("tenantId = ?1 and name = ?2", tenant.id, request.source()).firstResult()
                .onItem().ifNull().failWith(() -> InvalidInputProblem.of("source",
                        "no source '" + request.source() + "' in tenant '" + tenant.name + "'"));
    }

    private void apply(Assignment assignment, AssignmentRequest request, GitSource source) {
        PolicyRequest policy = request.policyOrDefault();
        assignment.sourceId = source.id;
        assignment.path = AssignmentPaths.normalize(request.path());
        assignment.namespace = request.namespace();
        assignment.selector = request.selector();
        assignment.prune = policy.pruneOrDefault();
        assignment.selfHeal = policy.selfHealOrDefault();
        assignment.suspended = policy.suspendOrDefault();
        assignment.force = policy.forceOrDefault();
        assignment.allowEmpty = policy.allowEmptyOrDefault();
        assignment.ignoreRules = new IgnoreRules(policy.ignoreOrDefault());
        assignment.substitutions = request.substitutions() == null ? Map.of() : Map.copyOf(request.substitutions());
        assignment.updatedAt = clock.instant();
    }

    private static Uni<AssignmentView> view(Assignment assignment) {
        return Tenant.<Tenant>findById(assignment.tenantId).chain(tenant -> GitSource.<GitSource>findById(
                assignment.sourceId).map(source -> AssignmentView.of(assignment, tenant.name, source.name)));
    }

    private static Uni<Map<UUID, String>> sourceNames(List<Assignment> assignments) {
        List<UUID> ids = assignments.stream().map(a -> a.sourceId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return GitSource.<GitSource>list("id in ?1", ids)
                .map(sources -> sources.stream().collect(Collectors.toMap(s -> s.id, s -> s.name)));
    }

    private static Map<String, Object> summary(Assignment assignment) {
        Map<String, Object> summary = new HashMap<>();
        summary.put("sourceId", assignment.sourceId.toString());
        summary.put("path", assignment.path);
        summary.put("namespace", assignment.namespace);
        summary.put("selector", assignment.selector.toString());
        summary.put("prune", assignment.prune);
        summary.put("selfHeal", assignment.selfHeal);
        summary.put("suspended", assignment.suspended);
        summary.put("force", assignment.force);
        summary.put("allowEmpty", assignment.allowEmpty);
        summary.put("ignoreRules", assignment.ignoreRules.rules().size());
        summary.put("substitutionKeys", assignment.substitutions.keySet().stream().sorted().toList());
        return summary;
    }
}
