package io.gitfleet.api.status;

import io.gitfleet.common.agent.Health;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An assignment on one target cluster: the verdict and what the agent last reported ({@code reportedAt}), and
 * since when it reads like this ({@code changedAt}).
 */
@Schema(name = "TargetStatus", example = """
        {"clusterId":"3f2a5b1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c","clusterName":"edge-1","clusterState":"Connected",
         "phase":"Failed","health":"Degraded","reason":"sync failed on the cluster","reportedGeneration":4,
         "appliedRevision":"9fceb02d0ae598e95dc970b74767f19372d61af8","message":"web.yaml:3: bad indentation",
         "driftedObjects":0,"reportedAt":"2026-11-27T10:30:00Z","changedAt":"2026-11-27T10:29:59Z"}""")
public record TargetStatusView(UUID clusterId, String clusterName, String clusterState, RollupPhase phase,
        Health health, String reason, Long reportedGeneration, String appliedRevision, String message,
        int driftedObjects, Instant reportedAt, Instant changedAt) {
}
