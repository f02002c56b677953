package io.gitfleet.api.status;

import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.common.agent.SyncPhase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one cluster's agent last reported for one assignment, in full: every object, every drifted field.
 * {@code reportedAt}: the latest report; {@code changedAt}: since when the status reads like this.
 */
@Schema(name = "Placement", example = """
        {"assignmentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","assignment":"web","tenant":"team-a","generation":4,
         "desiredRevision":"9fceb02d","appliedRevision":"9fceb02d","phase":"Synced","health":"Healthy",
         "message":null,"inventory":[],"drift":[],"startedAt":"2026-11-27T10:29:58Z",
         "finishedAt":"2026-11-27T10:29:59Z","reportedAt":"2026-11-27T10:30:00Z",
         "changedAt":"2026-11-27T09:12:00Z"}""")
public record PlacementView(UUID assignmentId, String assignment, String tenant, long generation,
        String desiredRevision, String appliedRevision, SyncPhase phase, Health health, String message,
        List<ObjectStatus> inventory, List<DriftedObject> drift, Instant startedAt, Instant finishedAt,
        Instant reportedAt, Instant changedAt) {
}
