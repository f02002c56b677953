package io.gitfleet.api.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Cluster", example = """
        {"id":"5d1c2a77-7a8e-4d8e-9c2b-1f6f8a9e0c11","name":"prod-eu-1","labels":{"env":"prod","region":"eu"},
         "state":"Connected","agentVersion":"0.1.0","kubernetesVersion":"v1.30.2",
         "registeredAt":"2026-11-27T10:00:00Z","lastHeartbeatAt":"2026-11-27T10:05:00Z",
         "createdAt":"2026-11-27T09:58:00Z","updatedAt":"2026-11-27T10:00:00Z"}""")
public record ClusterView(UUID id, String name, Map<String, String> labels, ClusterState state, String agentVersion,
        String kubernetesVersion, Instant registeredAt, Instant lastHeartbeatAt, Instant createdAt,
        Instant updatedAt) {

    public static ClusterView of(Cluster cluster) {
        return new ClusterView(cluster.id, cluster.name, Map.copyOf(cluster.labels), cluster.state,
                cluster.agentVersion, cluster.kubernetesVersion, cluster.registeredAt, cluster.lastHeartbeatAt,
                cluster.createdAt, cluster.updatedAt);
    }
}
