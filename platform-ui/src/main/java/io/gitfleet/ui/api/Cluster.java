package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The API's {@code Cluster} schema: a registered (or pending) cluster of the fleet. */
public record Cluster(UUID id, String name, Map<String, String> labels, String state, String agentVersion,
        String kubernetesVersion, Instant registeredAt, Instant lastHeartbeatAt, Instant createdAt) {
}
