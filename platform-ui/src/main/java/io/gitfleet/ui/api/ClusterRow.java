package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A row of the fleet overview ({@code GET /api/v1/status/clusters}). */
public record ClusterRow(Cluster cluster, int assignments, Map<String, Long> byPhase, Map<String, Long> byHealth,
        long driftedObjects) {

    /** The API's {@code Cluster} schema, the fields the console shows. */
    public record Cluster(UUID id, String name, Map<String, String> labels, String state, String agentVersion,
            String kubernetesVersion, Instant lastHeartbeatAt) {
    }
}
