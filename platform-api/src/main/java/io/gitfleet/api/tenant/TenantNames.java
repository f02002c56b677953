package io.gitfleet.api.tenant;

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

    public static Uni<Map<UUID, String>> of(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Tenant.<Tenant>list("id in ?1", List.copyOf(ids))
                .map(tenants -> tenants.stream().collect(Collectors.toMap(t -> t.id, t -> t.name)));
    }
}
