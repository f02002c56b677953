package io.gitfleet.common.agent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One assignment as the agent applies it. {@code generation} grows on every change and on "sync now", so an agent
 * that sees a higher generation re-syncs even when nothing else differs. {@code tenantNamespaces} are the names or
 * {@code *} globs the owning tenant may deploy into; the agent refuses objects outside them (and cluster-scoped
 * objects, unless the tenant owns {@code *}).
 */
public record DesiredAssignment(UUID id, String name, String tenant, List<String> tenantNamespaces, long generation,
        DesiredSource source, String path, String namespace, SyncPolicy policy, Map<String, String> substitutions) {

    public DesiredAssignment {
        tenantNamespaces = tenantNamespaces == null ? List.of() : List.copyOf(tenantNamespaces);
        substitutions = substitutions == null ? Map.of() : Map.copyOf(substitutions);
    }
}
