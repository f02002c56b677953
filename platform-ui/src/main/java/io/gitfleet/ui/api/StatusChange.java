package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.UUID;

/** One transition in a cluster's or an assignment's history (phase, health, revision, drift, cluster state). */
public record StatusChange(long id, UUID clusterId, UUID assignmentId, Instant at, String kind, String from,
        String to, String detail) {
}
