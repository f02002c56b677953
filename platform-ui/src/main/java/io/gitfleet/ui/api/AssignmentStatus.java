package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An assignment rolled up over its targets, with one page of per-cluster verdicts. */
public record AssignmentStatus(UUID assignmentId, String name, String tenant, long generation,
        String desiredRevision, String phase, String health, Map<String, Long> byPhase, Map<String, Long> byHealth,
        Page<Target> targets) {

    /** The assignment on one target cluster. */
    public record Target(UUID clusterId, String clusterName, String clusterState, String phase, String health,
            String reason, Long reportedGeneration, String appliedRevision, String message, int driftedObjects,
            Instant reportedAt, Instant changedAt) {
    }
}
