package io.gitfleet.api.rbac;

import io.gitfleet.api.auth.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one caller may do, resolved once per request from its role bindings. A role bound at platform scope
 * applies to every tenant; a tenant-scoped role only to its tenant.
 */
public record Grants(Caller caller, Optional<Role> platformRole, Map<UUID, Role> tenantRoles) {

    public Grants {
        tenantRoles = Map.copyOf(tenantRoles);
    }

    public static Grants none(Caller caller) {
        return new Grants(caller, Optional.empty(), Map.of());
    }

    public boolean isPlatformAdmin() {
        return platformRole.filter(r -> r == Role.PLATFORM_ADMIN).isPresent();
    }

    /** Whether the caller holds any role at platform scope, so sees every tenant. */
    public boolean seesAllTenants() {
        return platformRole.isPresent();
    }

    public Set<UUID> tenantsWithRoles() {
        return tenantRoles.keySet();
    }

    /** The strongest role that applies to the tenant, if any. */
    public Optional<Role> roleIn(UUID tenantId) {
        Role tenantRole = tenantRoles.get(tenantId);
        if (platformRole.isEmpty()) {
            return Optional.ofNullable(tenantRole);
        }
        Role platform = platformRole.get();
        return Optional.of(tenantRole != null && tenantRole.compareTo(platform) > 0 ? tenantRole : platform);
    }

    public boolean canRead(UUID tenantId) {
        return roleIn(tenantId).isPresent();
    }

    public boolean canEdit(UUID tenantId) {
        return roleIn(tenantId).filter(r -> r.includes(Role.TENANT_MEMBER)).isPresent();
    }

    public boolean canAdminister(UUID tenantId) {
        return roleIn(tenantId).filter(r -> r.includes(Role.TENANT_ADMIN)).isPresent();
    }

    /** Cluster names and labels are visible to anyone with a role anywhere: tenants need them to target clusters. */
    public boolean canReadFleet() {
        return platformRole.isPresent() || !tenantRoles.isEmpty();
    }

    /** Platform-wide read: the whole audit log, registration tokens. */
    public boolean canReadPlatform() {
        return platformRole.isPresent();
    }
}
