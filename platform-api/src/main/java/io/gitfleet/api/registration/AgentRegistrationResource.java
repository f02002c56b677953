package io.gitfleet.api.registration;

import io.gitfleet.api.GitfleetConfig;
import io.gitfleet.api.audit.AuditLog;
import io.gitfleet.api.audit.AuditRecord;
import io.gitfleet.api.audit.DeniedAccessAudit;
import io.gitfleet.api.auth.AgentCredentials;
import io.gitfleet.api.auth.Caller;
import io.gitfleet.api.auth.SecretTokens;
import io.gitfleet.api.change.ChangeNotices;
import io.gitfleet.api.cluster.Cluster;
import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.api.problem.UnauthorizedProblem;
import io.gitfleet.api.problem.Violations;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.KafkaSettings;
import io.gitfleet.common.agent.Registration;
import io.gitfleet.common.agent.RegistrationRequest;
import io.gitfleet.api.web.Bodies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where an agent trades its registration token for an identity. The token row is locked while it is consumed, so
 * two agents racing with one token get one credential between them. Every refusal is audited with the reason;
 * the caller only learns that the token is not valid.
 */
@Path("/api/v1/agents/register")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "The agent protocol (design §3)")
public class AgentRegistrationResource {

    private static final String REFUSED = "registration token is unknown, expired or already used";

    private final AgentCredentials credentials;
    private final AuditLog audit;
    private final DeniedAccessAudit denied;
    private final ChangeNotices notices;
    private final GitfleetConfig.Agents agents;
    private final Clock clock;

    public AgentRegistrationResource(AgentCredentials credentials, AuditLog audit, DeniedAccessAudit denied,
            ChangeNotices notices, GitfleetConfig config, Clock clock) {
        this.credentials = credentials;
        this.audit = audit;
        this.denied = denied;
        this.notices = notices;
        this.agents = config.agents();
        this.clock = clock;
    }

    @POST
    @WithTransaction
    @Operation(summary = "Register an agent with a one-time token; returns its credential (shown once)")
    public Uni<Registration> register(RegistrationRequest request, @Context HttpServerRequest http) {
        Bodies.require(request);
        new Violations().require("token", request.token())
                .maxLength("agentVersion", request.agentVersion(), 100)
                .maxLength("kubernetesVersion", request.kubernetesVersion(), 100)
                .throwIfAny();
        String remote = String.valueOf(http.remoteAddress());
        Instant now = clock.instant();
        return RegistrationToken.<RegistrationToken>find("tokenHash", SecretTokens.sha256Hex(request.token()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(token -> {
                    if (token == null) {
                        return refuse(null, "unknown registration token", remote);
                    }
                    String reason = token.unusableReason(now);
                    if (reason != null) {
                        return refuse(token.clusterId.toString(), reason, remote);
                    }
                    token.usedAt = now;
                    return Cluster.<Cluster>findById(token.clusterId).chain(cluster -> cluster == null
                            || cluster.state == ClusterState.Revoked
                            ? refuse(token.clusterId.toString(), "cluster is revoked or gone", remote)
                            : connect(cluster, request, now));
                });
    }

    private Uni<Registration> connect(Cluster cluster, RegistrationRequest request, Instant now) {
        cluster.credentialGeneration++;
        cluster.state = ClusterState.Connected;
        cluster.agentVersion = request.agentVersion();
        cluster.kubernetesVersion = request.kubernetesVersion();
        cluster.registeredAt = now;
        cluster.lastHeartbeatAt = now;
        cluster.updatedAt = now;
        Caller agent = new Caller(Caller.Kind.AGENT, "cluster:" + cluster.name, Set.of(), cluster.id);
        Registration registration = new Registration(cluster.id, cluster.name,
                credentials.issue(cluster.id, cluster.credentialGeneration),
                new KafkaSettings(agents.kafkaBootstrapServers(), Topics.AGENT_STATUS, agents.kafkaProperties()));
        return audit.success(agent, AuditRecord.of("agent.register", "cluster", cluster.id, cluster.name, null,
                        Map.of("generation", cluster.credentialGeneration,
                                "agentVersion", String.valueOf(request.agentVersion()))))
                .chain(() -> notices.cluster(cluster.id))
                .replaceWith(registration);
    }

    private Uni<Registration> refuse(String clusterId, String reason, String remote) {
        return denied.denied("agent.register", "agent", "cluster", clusterId, reason, remote)
                .onItem().transformToUni(v -> Uni.createFrom().<Registration>failure(new UnauthorizedProblem(REFUSED)));
    }
}
