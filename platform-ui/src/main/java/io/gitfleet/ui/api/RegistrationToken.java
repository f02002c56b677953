package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A one-time token that registers a cluster's agent; the API shows it once, right after creating it. */
public record RegistrationToken(UUID id, String token, UUID clusterId, String clusterName, Instant expiresAt) {

    /** What the API takes to create one. */
    public record Request(String clusterName, Map<String, String> labels, String ttl) {
    }

    @Override
    public String toString() {
        return "RegistrationToken[" + clusterName + ", redacted]";
    }
}
