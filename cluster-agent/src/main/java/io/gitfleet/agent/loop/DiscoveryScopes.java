package io.gitfleet.agent.loop;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitfleet.agent.render.ResourceScopes;
import java.util.Optional;

/** Kinds the renderer does not know, asked of the cluster's discovery API. */
final class DiscoveryScopes implements ResourceScopes {

    private final KubernetesClient client;

    DiscoveryScopes(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<Boolean> isNamespaced(String apiVersion, String kind) {
        try {
            APIResourceList resources = client.getApiResources(apiVersion);
            if (resources == null) {
                return Optional.empty();
            }
            return resources.getResources().stream().filter(r -> kind.equals(r.getKind()))
                    .filter(r -> !r.getName().contains("/")).findFirst().map(r -> r.getNamespaced());
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }
}
