package io.gitfleet.api.agent;

import io.gitfleet.api.assignment.Assignment;
import io.gitfleet.api.source.GitSource;
import io.gitfleet.api.source.SourceCredentialStore;
import io.gitfleet.api.tenant.Tenant;
import io.gitfleet.common.agent.DesiredAssignment;
import io.gitfleet.common.agent.DesiredSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Holds the {@link FleetSnapshot} of the newest fleet version seen. The first request that sees a new version loads
 * it; concurrent requests of that version wait for the one load. Every change to what agents run bumps the version
 * in its own transaction, on whichever replica, so a snapshot is never used after a change it does not contain.
 */
@ApplicationScoped
public class FleetSnapshots {

    private final SourceCredentialStore credentials;
    private final AtomicReference<Loading> current = new AtomicReference<>();

    public FleetSnapshots(SourceCredentialStore credentials) {
        this.credentials = credentials;
    }

    private record Loading(long generation, Uni<FleetSnapshot> snapshot) {
    }

    /**
     * A snapshot at least as new as {@code generation} (a fleet version the caller read in its session); a newer
     * one is as good, since agents always want the latest state.
     */
    Uni<FleetSnapshot> at(long generation) {
        Loading loading = current.get();
        if (loading == null || loading.generation() < generation) {
            Loading fresh = new Loading(generation, load(generation).memoize().indefinitely());
            loading = current.compareAndSet(loading, fresh) ? fresh : current.get();
        }
        Loading chosen = loading;
        // A failed load must not be cached: the next request tries again.
        return chosen.snapshot().onFailure().invoke(() -> current.compareAndSet(chosen, null));
    }

    private Uni<FleetSnapshot> load(long generation) {
        return Panache.withSession(() -> Assignment.<Assignment>listAll().chain(assignments -> {
            List<UUID> sourceIds = assignments.stream().map(a -> a.sourceId).distinct().toList();
            List<UUID> tenantIds = assignments.stream().map(a -> a.tenantId).distinct().toList();
            if (assignments.isEmpty()) {
                return Uni.createFrom().item(new FleetSnapshot(generation, List.of()));
            }
            return GitSource.<GitSource>list("id in ?1", sourceIds).chain(sources -> Tenant.<Tenant>list("id in ?1",
                    tenantIds).map(tenants -> {
                        Map<UUID, GitSource> sourceById = byId(sources, s -> s.id);
                        Map<UUID, Tenant> tenantById = byId(tenants, t -> t.id);
                        return new FleetSnapshot(generation, assignments.stream()
                                .sorted(Comparator.comparing((Assignment a) -> a.id))
                                .map(a -> new FleetSnapshot.Entry(a.selector,
                                        desired(a, sourceById.get(a.sourceId), tenantById.get(a.tenantId))))
                                .toList());
                    }));
        }));
    }

    private DesiredAssignment desired(Assignment assignment, GitSource source, Tenant tenant) {
        String revision = assignment.pinnedRevision != null ? assignment.pinnedRevision : source.resolvedRevision;
        return new DesiredAssignment(assignment.id, assignment.name, tenant.name, List.of(tenant.namespaces),
                assignment.generation,
                new DesiredSource(source.url, source.ref, revision, credentials.open(source).orElse(null)),
                assignment.path, assignment.namespace,
                assignment.policy(),
                assignment.substitutions);
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
