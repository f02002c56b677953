package io.gitfleet.api.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClusterStatus", example = """
        {"clusterId":"3f2a5b1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c","name":"edge-1","state":"Connected",
         "lastSeenAt":"2026-11-27T10:30:00Z","lastHeartbeatAt":"2026-11-27T10:30:00Z","assignments":[
         {"assignmentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","assignment":"web","tenant":"team-a","generation":4,
          "desiredRevision":"9fceb02d","appliedRevision":"9fceb02d","phase":"Synced","health":"Healthy",
          "message":null,"inventory":[{"group":"apps","kind":"Deployment","namespace":"team-a-web","name":"web",
          "action":"configured","health":"Healthy","message":null}],"drift":[{"group":"apps","kind":"Deployment",
          "namespace":"team-a-web","name":"web","fields":["/spec/replicas"],"deleted":false,"healed":true}],
          "startedAt":"2026-11-27T10:29:58Z","finishedAt":"2026-11-27T10:29:59Z","reportedAt":"2026-11-27T10:30:00Z",
          "changedAt":"2026-11-27T09:12:00Z"}]}""")
public record ClusterStatusView(UUID clusterId, String name, String state, Instant lastSeenAt,
        Instant lastHeartbeatAt, List<PlacementView> assignments) {
}
