package io.gitfleet.api.tenant;

import io.gitfleet.api.rbac.Grants;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Tenant ids to names for views of tenant-owned objects, in one query. */
public final class TenantNames {

    private TenantNames() {
    }

    /** Names of the tenants the caller may read, keyed by id; only {@code onlyTenant} when it is given. */
    public static Uni<Map<UUID, String>> readableBy(Grants grants, String onlyTenant) {
        // Members load only their own tenants; platform roles see them all.
        Uni<List<Tenant>> candidates = grants.seesAllTenants() ? Tenant.listAll()
                : grants.tenantsWithRoles().isEmpty() ? Uni.createFrom().item(List.of())
                : Tenant.list("id in ?1", List.copyOf(grants.tenantsWithRoles()));
        return candidates.map(tenants -> tenants.stream()
                .filter(t -> grants.canRead(t.id) && (onlyTenant == null || t.name.equals(onlyTenant)))
                .collect(Collectors.toMap(t -> t.id, t -> t.name)));
    }

    public static Uni<Map<UUID, String>> of(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Tenant.<Tenant>list("id in ?1", List.copyOf(ids))
                .map(tenants -> tenants.stream().collect(Collectors.toMap(t -> t.id, t -> t.name)));
    }
}
