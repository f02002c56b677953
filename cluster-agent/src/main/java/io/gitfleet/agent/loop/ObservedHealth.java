package io.gitfleet.agent.loop;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitfleet.agent.apply.InventoryEntry;
import io.gitfleet.agent.health.HealthAssessment;
import io.gitfleet.agent.health.HealthRules;
import io.gitfleet.common.agent.Health;
import io.gitfleet.agent.drift.OwnedObjectInformers;
import io.gitfleet.agent.drift.ResourceType;
import java.util.Map;

/**
 * Judges an owned object's health from the watch cache (a GET only for types not watched yet); a missing object
 * is degraded.
 */
final class ObservedHealth {

    private final KubernetesClient client;
    private final OwnedObjectInformers informers;
    private final HealthRules rules = new HealthRules();

    ObservedHealth(KubernetesClient client, OwnedObjectInformers informers) {
        this.client = client;
        this.informers = informers;
    }

    @SuppressWarnings("unchecked")
    HealthAssessment of(InventoryEntry entry) {
        try {
            // A cache miss may just be a watch not caught up with a create: only the API server says "missing".
            GenericKubernetesResource live = informers.cached(new ResourceType(entry.apiVersion(),
                    entry.key().kind()), entry.key()).flatMap(cached -> cached).orElseGet(() -> read(entry));
            if (live == null) {
                return new HealthAssessment(Health.Degraded, "object is missing from the cluster");
            }
            return rules.assess(client.getKubernetesSerialization().convertValue(live, Map.class));
        } catch (KubernetesClientException e) {
            return new HealthAssessment(Health.Unknown, "cannot read the object: " + e.getMessage());
        }
    }

    /** Types nobody watches (yet) are read directly. */
    private GenericKubernetesResource read(InventoryEntry entry) {
        var resources = client.genericKubernetesResources(entry.apiVersion(), entry.key().kind());
        return entry.key().namespace().isEmpty() ? resources.withName(entry.key().name()).get()
                : resources.inNamespace(entry.key().namespace()).withName(entry.key().name()).get();
    }
}
