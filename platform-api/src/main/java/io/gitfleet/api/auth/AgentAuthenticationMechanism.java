package io.gitfleet.api.auth;

import io.gitfleet.api.audit.DeniedAccessAudit;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates agents by their derived credential ({@code Authorization: Bearer gfa_...}). It runs before the
 * OIDC mechanism, which would otherwise try to read the credential as a JWT. A credential is accepted only when its
 * MAC is authentic, its generation is the cluster's current one and the cluster is not revoked; everything else is
 * refused and audited.
 */
@ApplicationScoped
public class AgentAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final AgentCredentials credentials;
    private final Pool pool;
    private final DeniedAccessAudit audit;

    public AgentAuthenticationMechanism(AgentCredentials credentials, Pool pool, DeniedAccessAudit audit) {
        this.credentials = credentials;
        this.pool = pool;
        this.audit = audit;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).trim();
        if (!token.startsWith(AgentCredentials.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        String remote = String.valueOf(context.request().remoteAddress());
        Optional<AgentCredentials.Claim> claim = credentials.parse(token);
        if (claim.isEmpty() || !credentials.isAuthentic(claim.get())) {
            return refuse(null, "malformed or forged agent credential", remote);
        }
        AgentCredentials.Claim valid = claim.get();
        return pool.preparedQuery("SELECT name, state, credential_generation FROM cluster WHERE id = $1")
                .execute(Tuple.of(valid.clusterId()))
                .onItem().transformToUni(rows -> identity(valid, rows, remote));
    }

    private Uni<SecurityIdentity> identity(AgentCredentials.Claim claim, RowSet<Row> rows, String remote) {
        String clusterId = claim.clusterId().toString();
        if (!rows.iterator().hasNext()) {
            return refuse(clusterId, "cluster no longer exists", remote);
        }
        Row row = rows.iterator().next();
        if ("Revoked".equals(row.getString("state"))) {
            return refuse(clusterId, "cluster is revoked", remote);
        }
        if (row.getInteger("credential_generation") != claim.generation()) {
            return refuse(clusterId, "credential was superseded by a newer registration", remote);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("cluster:" + row.getString("name")))
                .addAttribute(Caller.CLUSTER_ID, claim.clusterId())
                .build());
    }

    private Uni<SecurityIdentity> refuse(String clusterId, String reason, String remote) {
        return audit.denied("agent.authenticate", "agent", "cluster", clusterId, reason, remote)
                .onItem().transformToUni(v -> Uni.createFrom().<SecurityIdentity>failure(new AuthenticationFailedException("agent credential refused")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"gitfleet\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // Above quarkus-oidc's bearer mechanism (DEFAULT_PRIORITY), which must not see agent credentials.
        return DEFAULT_PRIORITY + 100;
    }
}
