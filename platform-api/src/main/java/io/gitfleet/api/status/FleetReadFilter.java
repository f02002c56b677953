package io.gitfleet.api.status;

import io.gitfleet.api.rbac.Access;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The check behind {@link FleetReadRequired}: a failure here becomes the usual problem+json answer. */
public class FleetReadFilter {

    private final Access access;

    public FleetReadFilter(Access access) {
        this.access = access;
    }

    @FleetReadRequired
    @ServerRequestFilter
    public Uni<Void> requireFleetRead() {
        return Panache.withSession(() -> access.grants()).invoke(Access::requireFleetRead).replaceWithVoid();
    }
}
