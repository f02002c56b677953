package io.gitfleet.ui.api;

import io.gitfleet.common.agent.SyncPolicy;
import io.gitfleet.common.selector.LabelSelector;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Which path of which source goes to the clusters a selector matches, and how it is synced. */
public record Assignment(UUID id, String tenant, String name, String source, String path, String namespace,
        LabelSelector selector, SyncPolicy policy, Map<String, String> substitutions, String pinnedRevision,
        long generation, Instant updatedAt) {

    /** What the API takes to create or change one. */
    public record Request(String tenant, String name, String source, String path, String namespace,
            LabelSelector selector, SyncPolicy policy, Map<String, String> substitutions) {
    }
}
