package io.gitfleet.api.rbac;

import io.gitfleet.api.auth.Caller;
import io.gitfleet.api.problem.ForbiddenProblem;
import io.gitfleet.api.problem.NotFoundProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The single place where a request's caller becomes {@link Grants}, and the checks every endpoint uses. Objects of
 * tenants the caller has no role in answer 404, exactly like objects that do not exist; a caller who can see an
 * object but not change it gets 403.
 */
@ApplicationScoped
public class Access {

    private final SecurityIdentity identity;

    public Access(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller caller() {
        return Caller.of(identity);
    }

    /** Must run inside a Hibernate Reactive session. */
    public Uni<Grants> grants() {
        Caller caller = caller();
        return switch (caller.kind()) {
            case BOOTSTRAP_ADMIN -> Uni.createFrom().item(
                    new Grants(caller, Optional.of(Role.PLATFORM_ADMIN), Map.of()));
            case AGENT -> Uni.createFrom().item(Grants.none(caller));
            case PERSON -> RoleBinding.<RoleBinding>list(
                    "(subjectKind = 'user' and subject = ?1) or (subjectKind = 'group' and subject in ?2)",
                    caller.name(), caller.groups().isEmpty() ? List.of("") : List.copyOf(caller.groups()))
                    .map(bindings -> toGrants(caller, bindings));
        };
    }

    private static Grants toGrants(Caller caller, List<RoleBinding> bindings) {
        Role platform = null;
        Map<UUID, Role> tenants = new HashMap<>();
        for (RoleBinding binding : bindings) {
            Role role = binding.role();
            if (binding.tenantId == null) {
                platform = stronger(platform, role);
            } else {
                tenants.merge(binding.tenantId, role, Access::stronger);
            }
        }
        return new Grants(caller, Optional.ofNullable(platform), tenants);
    }

    private static Role stronger(Role a, Role b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    // Checks shared by the resources; each throws the problem the caller must see.

    public static void requireRead(Grants grants, UUID tenantId, String kind, Object id) {
        if (!grants.canRead(tenantId)) {
            throw new NotFoundProblem(kind, id);
        }
    }

    public static void requireEdit(Grants grants, UUID tenantId, String kind, Object id) {
        requireRead(grants, tenantId, kind, id);
        if (!grants.canEdit(tenantId)) {
            throw new ForbiddenProblem("changing " + kind + " '" + id + "' needs tenant-member or above");
        }
    }

    public static void requireAdminister(Grants grants, UUID tenantId, String kind, Object id) {
        requireRead(grants, tenantId, kind, id);
        if (!grants.canAdminister(tenantId)) {
            throw new ForbiddenProblem("this change to " + kind + " '" + id + "' needs tenant-admin or above");
        }
    }

    public static void requirePlatformAdmin(Grants grants, String what) {
        if (!grants.isPlatformAdmin()) {
            throw new ForbiddenProblem(what + " needs platform-admin");
        }
    }

    public static void requireFleetRead(Grants grants) {
        if (!grants.canReadFleet()) {
            throw new ForbiddenProblem("reading the fleet needs a role on the platform or on a tenant");
        }
    }
}
