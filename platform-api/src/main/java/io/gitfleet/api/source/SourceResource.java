package io.gitfleet.api.source;

import io.gitfleet.api.GitfleetConfig;
import io.gitfleet.api.audit.AuditLog;
import io.gitfleet.api.audit.AuditRecord;
import io.gitfleet.api.change.ChangeNotices;
import io.gitfleet.api.problem.ConflictProblem;
import io.gitfleet.api.problem.InvalidInputProblem;
import io.gitfleet.api.rbac.Access;
import io.gitfleet.api.tenant.Tenant;
import io.gitfleet.api.tenant.TenantNames;
import io.gitfleet.api.web.Bodies;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sources")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "Git repositories and refs that tenants deploy from")
public class SourceResource {

    private final Access access;
    private final AuditLog audit;
    private final ChangeNotices notices;
    private final SourceCredentialStore credentials;
    private final SourceRevisions revisions;
    private final GitfleetConfig.Sources config;
    private final Clock clock;

    public SourceResource(Access access, AuditLog audit, ChangeNotices notices, SourceCredentialStore credentials,
            SourceRevisions revisions, GitfleetConfig config, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.notices = notices;
        this.credentials = credentials;
        this.revisions = revisions;
        this.config = config.sources();
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "List the sources of the tenants the caller can see, optionally of one tenant")
    public Uni<List<SourceView>> list(@QueryParam("tenant") String tenant) {
        return access.grants().chain(grants -> TenantNames.readableBy(grants, tenant).chain(visible -> {
            if (visible.isEmpty()) {
                return Uni.createFrom().item(List.<SourceView>of());
            }
            return GitSource.<GitSource>list("tenantId in ?1 order by name", List.copyOf(visible.keySet()))
                    .map(sources -> sources.stream().map(s -> SourceView.of(s, visible.get(s.tenantId))).toList());
        }));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Get a source (credentials are never returned)")
    public Uni<SourceView> get(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> GitSource.require(id).chain(source -> {
            Access.requireRead(grants, source.tenantId, "source", id);
            return view(source);
        }));
    }

    @POST
    @WithTransaction
    @Operation(summary = "Create a source in a tenant (tenant-member or above)")
    public Uni<Response> create(SourceRequest request) {
        return access.grants().chain(grants -> {
            Duration interval = Bodies.require(request).validated(config.defaultPollInterval(),
                    config.minPollInterval());
            return Tenant.require(request.tenant()).chain(tenant -> {
                Access.requireEdit(grants, tenant.id, "tenant", tenant.name);
                return GitSource.count("tenantId = ?1 and name = ?2", tenant.id, request.name()).chain(taken -> {
                    if (taken > 0) {
                        throw new ConflictProblem("name-taken", "source '" + request.name()
                                + "' already exists in tenant '" + tenant.name + "'");
                    }
                    GitSource source = new GitSource();
                    source.id = UUID.randomUUID();
                    source.tenantId = tenant.id;
                    source.name = request.name();
                    source.createdAt = clock.instant();
                    source.nextPollAt = source.createdAt;
                    apply(source, request, interval);
                    return source.<GitSource>persist()
                            .call(() -> audit.success(grants.caller(), AuditRecord.of("source.create", "source",
                                    source.id, source.name, tenant.id, summary(source))))
                            .map(saved -> Response.created(URI.create("/api/v1/sources/" + saved.id))
                                    .entity(SourceView.of(saved, tenant.name)).build());
                });
            });
        });
    }

    @PUT
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Replace a source's URL, ref, interval and (if given) credentials")
    public Uni<SourceView> update(@PathParam("id") UUID id, SourceRequest request) {
        return access.grants().chain(grants -> GitSource.require(id).chain(source -> {
            Access.requireEdit(grants, source.tenantId, "source", id);
            Duration interval = Bodies.require(request).validated(config.defaultPollInterval(),
                    config.minPollInterval());
            return Tenant.<Tenant>findById(source.tenantId).chain(tenant -> {
                if (!tenant.name.equals(request.tenant()) || !source.name.equals(request.name())) {
                    throw InvalidInputProblem.of(!tenant.name.equals(request.tenant()) ? "tenant" : "name",
                            "cannot be changed; create a new source instead");
                }
                Map<String, Object> before = summary(source);
                boolean locationChanged = !source.url.equals(request.url()) || !source.ref.equals(request.ref());
                apply(source, request, interval);
                if (locationChanged) {
                    // The old revision belongs to the old URL/ref: resolve again before agents use it.
                    source.resolvedRevision = null;
                    source.resolvedAt = null;
                    source.nextPollAt = clock.instant();
                }
                return audit.success(grants.caller(), AuditRecord.of("source.update", "source", id, source.name,
                                source.tenantId, Map.of("before", before, "after", summary(source))))
                        .chain(notices::fleet)
                        .replaceWith(() -> SourceView.of(source, tenant.name));
            });
        }));
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Delete a source that no assignment uses")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return access.grants().chain(grants -> GitSource.require(id).chain(source -> {
            Access.requireEdit(grants, source.tenantId, "source", id);
            return SourceUsage.assignmentCount(id).chain(count -> {
                if (count > 0) {
                    throw new ConflictProblem("source-in-use", "source '" + source.name + "' is used by " + count
                            + " assignment(s); delete or move them first");
                }
                return source.delete()
                        .call(() -> audit.success(grants.caller(), AuditRecord.of("source.delete", "source", id,
                                source.name, source.tenantId, summary(source))))
                        .replaceWith(Response.noContent().build());
            });
        }));
    }

    @POST
    @Path("{id}/refresh")
    @Operation(summary = "Resolve the source's ref now (ls-remote) and record the revision")
    public Uni<SourceView> refresh(@PathParam("id") UUID id) {
        return Panache.withSession(() -> access.grants()
                        .chain(grants -> GitSource.require(id).invoke(source ->
                                Access.requireEdit(grants, source.tenantId, "source", id))))
                .chain(ignored -> revisions.refresh(id))
                .chain(source -> Panache.withSession(() -> view(source)));
    }

    private void apply(GitSource source, SourceRequest request, Duration interval) {
        source.url = request.url();
        source.ref = request.ref();
        source.pollIntervalSeconds = (int) interval.toSeconds();
        source.updatedAt = clock.instant();
        credentials.apply(source, request.credentials());
    }

    private static Uni<SourceView> view(GitSource source) {
        return TenantNames.of(List.of(source.tenantId)).map(names -> SourceView.of(source, names.get(source.tenantId)));
    }

    private static Map<String, Object> summary(GitSource source) {
        Map<String, Object> summary = new HashMap<>();
        summary.put("url", source.url);
        summary.put("ref", source.ref);
        summary.put("pollIntervalSeconds", source.pollIntervalSeconds);
        summary.put("credentialKind", Objects.requireNonNullElse(source.credentialKind, "none"));
        return summary;
    }
}
