package io.gitfleet.common.agent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one cluster must run, as {@code GET /api/v1/agents/self/assignments} returns it. The control plane
 * computes it from the assignments whose selector matches the cluster's labels now.
 */
public record DesiredState(int schemaVersion, UUID clusterId, String clusterName, Map<String, String> labels,
        List<DesiredAssignment> assignments) {

    public static final int SCHEMA_VERSION = 1;

    public DesiredState {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }
}
