package io.gitfleet.api.status;

import io.gitfleet.api.cluster.ClusterState;
import java.util.UUID;

/** What deciding whether to trust a cluster's message needs: its credential generation, state, last sequence. */
public record ClusterTrust(UUID id, int generation, ClusterState state, long lastSequence) {
}
