package io.gitfleet.ui.api;

import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.ObjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a cluster's agent last reported, for each assignment the person may read. */
public record ClusterStatus(UUID clusterId, String name, String state, Instant lastSeenAt, Instant lastHeartbeatAt,
        List<Placement> assignments) {

    /** One assignment on this cluster: verdict, per-object inventory and drift. */
    public record Placement(UUID assignmentId, String assignment, String tenant, long generation,
            String desiredRevision, String appliedRevision, String phase, String health, String message,
            List<ObjectStatus> inventory, List<DriftedObject> drift, Instant reportedAt, Instant changedAt) {
    }
}
