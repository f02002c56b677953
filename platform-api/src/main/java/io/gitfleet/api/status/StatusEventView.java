package io.gitfleet.api.status;

import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.SyncPhase;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One live update: an assignment's status on a cluster changed ({@code type} "assignment-status"), or a cluster's
 * state did ("cluster-state", assignment fields null).
 */
@Schema(name = "StatusEvent", example = """
        {"type":"assignment-status","clusterId":"3f2a5b1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c","clusterState":"Connected",
         "assignmentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","tenant":"team-a","generation":4,
         "appliedRevision":"9fceb02d","phase":"Synced","health":"Healthy","driftedObjects":0,
         "at":"2026-11-27T10:30:00Z"}""")
public record StatusEventView(String type, UUID clusterId, String clusterState, UUID assignmentId, String tenant,
        Long generation, String appliedRevision, SyncPhase phase, Health health, Integer driftedObjects,
        Instant at) {

    public static final String ASSIGNMENT_STATUS = "assignment-status";
    public static final String CLUSTER_STATE = "cluster-state";
}
