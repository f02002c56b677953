package io.gitfleet.api.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** What a tenant still owns, asked before it may go. */
final class TenantOwnership {

    private TenantOwnership() {
    }

    static Uni<Long> assignmentCount(UUID tenantId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select count(*) from Assignment where tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId)
                .getSingleResult());
    }
}
