package io.gitfleet.agent.apply;

import io.gitfleet.agent.render.ObjectKey;

/** An object an assignment owns: its key and the API version to address it with when pruning. */
public record InventoryEntry(ObjectKey key, String apiVersion) {
}
