package io.gitfleet.api.status;

import io.gitfleet.api.cluster.ClusterView;
import io.gitfleet.common.agent.Health;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of the fleet overview: the cluster and how the assignments targeting it stand there (the same honest
 * verdicts as the roll-up: never reported → Pending, an Offline cluster → Unknown), counted over the assignments
 * of tenants the caller can read.
 */
@Schema(name = "ClusterRow", example = """
        {"cluster":{"id":"5d1c2a77-7a8e-4d8e-9c2b-1f6f8a9e0c11","name":"prod-eu-1","labels":{"env":"prod"},
         "state":"Connected","agentVersion":"0.1.0","kubernetesVersion":"v1.30.2",
         "registeredAt":"2026-11-27T10:00:00Z","lastHeartbeatAt":"2026-11-27T10:05:00Z",
         "createdAt":"2026-11-27T09:58:00Z","updatedAt":"2026-11-27T10:00:00Z"},
         "assignments":3,"byPhase":{"Synced":2,"Pending":1},"byHealth":{"Healthy":2,"Unknown":1},
         "driftedObjects":0}""")
public record ClusterRowView(ClusterView cluster, int assignments, Map<RollupPhase, Long> byPhase,
        Map<Health, Long> byHealth, long driftedObjects) {
}
