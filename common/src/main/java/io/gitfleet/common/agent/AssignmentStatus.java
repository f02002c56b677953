package io.gitfleet.common.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How one assignment stands on one cluster after a sync: which revision was wanted and which is applied, the
 * phase, the worst object health, drifted objects with the fields that differ, every owned object with its
 * health, a message naming the file/line or object at fault, and when the sync ran.
 */
public record AssignmentStatus(UUID assignmentId, long generation, String desiredRevision, String appliedRevision,
        SyncPhase phase, Health health, String message, List<ObjectStatus> inventory, List<DriftedObject> drift,
        Instant startedAt, Instant finishedAt) {

    public AssignmentStatus {
        inventory = inventory == null ? List.of() : List.copyOf(inventory);
        drift = drift == null ? List.of() : List.copyOf(drift);
    }

    /** The same status with objects' health seen since the sync; the assignment is as healthy as its worst. */
    public AssignmentStatus withInventory(List<ObjectStatus> objects) {
        Health worst = objects.isEmpty() ? Health.Unknown
                : objects.stream().map(ObjectStatus::health).reduce(Health.Healthy, Health::worst);
        return new AssignmentStatus(assignmentId, generation, desiredRevision, appliedRevision, phase, worst, message,
                objects, drift, startedAt, finishedAt);
    }

    /** The same status with drift found (or undone) since the sync. */
    public AssignmentStatus withDrift(List<DriftedObject> drifted) {
        return new AssignmentStatus(assignmentId, generation, desiredRevision, appliedRevision, phase, health, message,
                inventory, drifted, startedAt, finishedAt);
    }
}
