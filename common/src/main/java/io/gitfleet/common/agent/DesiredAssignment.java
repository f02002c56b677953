package io.gitfleet.common.agent;

import java.util.Map;
import java.util.UUID;

/**
 * One assignment as the agent applies it. {@code generation} grows on every change and on "sync now", so an agent
 * that sees a higher generation re-syncs even when nothing else differs.
 */
public record DesiredAssignment(UUID id, String name, String tenant, long generation, DesiredSource source,
        String path, String namespace, SyncPolicy policy, Map<String, String> substitutions) {

    public DesiredAssignment {
        substitutions = substitutions == null ? Map.of() : Map.copyOf(substitutions);
    }
}
