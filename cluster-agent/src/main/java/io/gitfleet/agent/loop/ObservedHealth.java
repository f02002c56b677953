package io.gitfleet.agent.loop;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitfleet.agent.apply.InventoryEntry;
import io.gitfleet.agent.health.HealthAssessment;
import io.gitfleet.agent.health.HealthRules;
import io.gitfleet.common.agent.Health;
import java.util.Map;

/** Reads an owned object back from the cluster and judges its health; a missing object is degraded. */
final class ObservedHealth {

    private final KubernetesClient client;
    private final HealthRules rules = new HealthRules();

    ObservedHealth(KubernetesClient client) {
        this.client = client;
    }

    @SuppressWarnings("unchecked")
    HealthAssessment of(InventoryEntry entry) {
        try {
            var resources = client.genericKubernetesResources(entry.apiVersion(), entry.key().kind());
            GenericKubernetesResource live = entry.key().namespace().isEmpty()
                    ? resources.withName(entry.key().name()).get()
                    : resources.inNamespace(entry.key().namespace()).withName(entry.key().name()).get();
            if (live == null) {
                return new HealthAssessment(Health.Degraded, "object is missing from the cluster");
            }
            return rules.assess(client.getKubernetesSerialization().convertValue(live, Map.class));
        } catch (KubernetesClientException e) {
            return new HealthAssessment(Health.Unknown, "cannot read the object: " + e.getMessage());
        }
    }
}
