package io.gitfleet.api.status;

import io.gitfleet.api.assignment.Assignment;
import io.gitfleet.api.rbac.Grants;
import io.gitfleet.api.source.GitSource;
import io.gitfleet.api.tenant.TenantNames;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The assignments a caller may see, each with the revision its targets should have applied. In a session. */
final class RolledAssignments {

    private RolledAssignments() {
    }

    /** Assignments of the tenants the caller can read ({@code tenant}: only that one, when given). */
    static Uni<List<Assignment>> visible(Grants grants, String tenant) {
        return TenantNames.readableBy(grants, tenant).chain(visible -> visible.isEmpty()
                ? Uni.createFrom().item(List.<Assignment>of())
                : Assignment.<Assignment>list("tenantId in ?1", List.copyOf(visible.keySet())));
    }

    /** Each assignment with its desired revision: the pin, else the source's last resolved one. */
    static Uni<List<StatusQueries.Rolled>> rolled(List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> sources = assignments.stream().map(a -> a.sourceId).distinct().toList();
        return GitSource.<GitSource>list("id in ?1", sources).map(found -> {
            Map<UUID, GitSource> byId = found.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
            return assignments.stream().map(a -> new StatusQueries.Rolled(a, a.pinnedRevision != null
                    ? a.pinnedRevision : byId.get(a.sourceId).resolvedRevision)).toList();
        });
    }
}
