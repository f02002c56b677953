package io.gitfleet.api.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: a person (signed in through the IdP, or the local bootstrap admin) or a cluster's agent.
 * People's groups come from the token's {@code groups} claim; RBAC bindings match on them and on the name.
 */
public record Caller(Kind kind, String name, Set<String> groups, UUID clusterId) {

    public static final String CLUSTER_ID = "gitfleet.cluster-id";
    public static final String BOOTSTRAP_ADMIN = "gitfleet.bootstrap-admin";

    public enum Kind {
        PERSON,
        BOOTSTRAP_ADMIN,
        AGENT
    }

    public static Caller of(SecurityIdentity identity) {
        UUID cluster = identity.getAttribute(CLUSTER_ID);
        String name = identity.getPrincipal().getName();
        if (cluster != null) {
            return new Caller(Kind.AGENT, name, Set.of(), cluster);
        }
        if (Boolean.TRUE.equals(identity.getAttribute(BOOTSTRAP_ADMIN))) {
            return new Caller(Kind.BOOTSTRAP_ADMIN, name, Set.of(), null);
        }
        return new Caller(Kind.PERSON, name, Set.copyOf(identity.getRoles()), null);
    }

    public boolean isAgent() {
        return kind == Kind.AGENT;
    }
}
