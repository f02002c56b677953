package io.gitfleet.api.registration;

import io.gitfleet.api.GitfleetConfig;
import io.gitfleet.api.audit.AuditLog;
import io.gitfleet.api.audit.AuditRecord;
import io.gitfleet.api.auth.SecretTokens;
import io.gitfleet.api.cluster.Cluster;
import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.api.problem.ConflictProblem;
import io.gitfleet.api.rbac.Access;
import io.gitfleet.api.rbac.Grants;
import io.gitfleet.api.web.Bodies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/registration-tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Registration", description = "Bring clusters into the fleet")
public class RegistrationTokenResource {

    private final Access access;
    private final AuditLog audit;
    private final GitfleetConfig.Registration config;
    private final Clock clock;

    public RegistrationTokenResource(Access access, AuditLog audit, GitfleetConfig config, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.config = config.registration();
        this.clock = clock;
    }

    @POST
    @WithTransaction
    @Operation(summary = "Create a one-time registration token for a cluster (platform-admin); shown once")
    public Uni<Response> create(RegistrationTokenRequest request) {
        return access.grants().chain(grants -> {
            Access.requirePlatformAdmin(grants, "creating a registration token");
            Duration ttl = Bodies.require(request).validatedTtl(config.defaultTtl(), config.maxTtl());
            return Cluster.<Cluster>find("name", request.clusterName()).firstResult()
                    .chain(existing -> existing != null ? reuse(existing) : createPending(request))
                    .chain(cluster -> issue(grants, cluster, ttl));
        });
    }

    private static Uni<Cluster> reuse(Cluster cluster) {
        if (cluster.state == ClusterState.Revoked) {
            throw new ConflictProblem("cluster-revoked", "cluster '" + cluster.name
                    + "' is revoked; delete it before registering that name again");
        }
        return Uni.createFrom().item(cluster);
    }

    private Uni<Cluster> createPending(RegistrationTokenRequest request) {
        Cluster cluster = new Cluster();
        cluster.id = UUID.randomUUID();
        cluster.name = request.clusterName();
        cluster.labels = request.labels() == null ? Map.of() : Map.copyOf(request.labels());
        cluster.state = ClusterState.Pending;
        cluster.createdAt = clock.instant();
        cluster.updatedAt = cluster.createdAt;
        return cluster.persist();
    }

    private Uni<Response> issue(Grants grants, Cluster cluster, Duration ttl) {
        String token = SecretTokens.generate("gfr_");
        Instant now = clock.instant();
        RegistrationToken row = new RegistrationToken();
        row.id = UUID.randomUUID();
        row.clusterId = cluster.id;
        row.tokenHash = SecretTokens.sha256Hex(token);
        row.createdBy = grants.caller().name();
        row.createdAt = now;
        row.expiresAt = now.plus(ttl);
        return row.persist()
                .call(() -> audit.success(grants.caller(), AuditRecord.of("registration-token.create", "cluster",
                        cluster.id, cluster.name, null, Map.of("tokenId", row.id.toString(),
                                "expiresAt", row.expiresAt.toString()))))
                .replaceWith(() -> Response.status(201).entity(new IssuedRegistrationToken(row.id, token,
                        cluster.id, cluster.name, row.expiresAt)).build());
    }
}
