package io.gitfleet.agent.apply;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes objects an assignment owned at its last successful sync and no longer renders. A delete that fails keeps
 * the object in the inventory, so it is retried at the next sync instead of being forgotten.
 */
public final class Pruner {

    private final KubernetesClient client;

    public Pruner(KubernetesClient client) {
        this.client = client;
    }

    /** Deletes each entry; returns the changes and, through {@code kept}, the entries whose delete failed. */
    List<ObjectChange> prune(List<InventoryEntry> stale, List<InventoryEntry> kept) {
        List<ObjectChange> changes = new ArrayList<>();
        for (InventoryEntry entry : stale) {
            try {
                var resources = client.genericKubernetesResources(entry.apiVersion(), entry.key().kind());
                if (entry.key().namespace().isEmpty()) {
                    resources.withName(entry.key().name()).delete();
                } else {
                    resources.inNamespace(entry.key().namespace()).withName(entry.key().name()).delete();
                }
                changes.add(new ObjectChange(entry.key(), ObjectChange.Action.DELETED, null));
            } catch (KubernetesClientException e) {
                kept.add(entry);
                changes.add(new ObjectChange(entry.key(), ObjectChange.Action.FAILED, "delete failed: "
                        + e.getMessage()));
            }
        }
        return changes;
    }

}
