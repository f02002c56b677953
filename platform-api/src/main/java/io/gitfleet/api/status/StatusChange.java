package io.gitfleet.api.status;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the bounded history: a cluster's state, or an assignment's phase, health or applied revision
 * changed, or drift was found or healed on a cluster. {@code assignmentId} is null for cluster state changes.
 */
public record StatusChange(UUID clusterId, UUID assignmentId, Instant at, String kind, String from, String to,
        String detail) {

    public static final String STATE = "state";
    public static final String PHASE = "phase";
    public static final String HEALTH = "health";
    public static final String REVISION = "revision";
    public static final String DRIFT_FOUND = "drift-found";
    public static final String DRIFT_HEALED = "drift-healed";
}
