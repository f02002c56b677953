package io.gitfleet.agent.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to render: the checkout, the path inside it, the namespace objects default to, the assignment's
 * substitutions, the cluster's identity for {@code ${cluster.*}}, and the tenant's namespaces (names or {@code *}
 * globs; {@code *} alone also allows cluster-scoped objects).
 */
public record RenderRequest(Path checkout, String path, String namespace, Map<String, String> substitutions,
        String clusterName, Map<String, String> clusterLabels, List<String> tenantNamespaces) {

    public RenderRequest {
        substitutions = Map.copyOf(substitutions);
        clusterLabels = Map.copyOf(clusterLabels);
        tenantNamespaces = List.copyOf(tenantNamespaces);
    }
}
