package io.gitfleet.ui.api;

import java.util.Map;

/** A row of the fleet overview ({@code GET /api/v1/status/clusters}). */
public record ClusterRow(Cluster cluster, int assignments, Map<String, Long> byPhase, Map<String, Long> byHealth,
        long driftedObjects) {
}
