package io.gitfleet.api.status;

import io.gitfleet.api.web.Page;
import io.gitfleet.common.agent.Health;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignmentStatus", example = """
        {"assignmentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","name":"web","tenant":"team-a","generation":4,
         "desiredRevision":"9fceb02d0ae598e95dc970b74767f19372d61af8","phase":"Pending","health":"Unknown",
         "byPhase":{"Synced":41,"Pending":1},"byHealth":{"Healthy":41,"Unknown":1},
         "targets":{"items":[{"clusterId":"3f2a5b1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c","clusterName":"edge-1",
         "clusterState":"Connected","phase":"Pending","health":"Unknown","reason":"no report from the cluster yet",
         "reportedGeneration":null,"appliedRevision":null,"message":null,"driftedObjects":0,"reportedAt":null,
         "changedAt":null}],
         "page":0,"size":50,"total":42}}""")
public record AssignmentRollupView(UUID assignmentId, String name, String tenant, long generation,
        String desiredRevision, RollupPhase phase, Health health, Map<RollupPhase, Long> byPhase,
        Map<Health, Long> byHealth, Page<TargetStatusView> targets) {
}
