package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.UUID;

/** A Git repository and ref a tenant deploys from; credentials are write-only, only their kind shows. */
public record Source(UUID id, String tenant, String name, String url, String ref, String pollInterval,
        String credentialKind, String resolvedRevision, Instant resolvedAt, String lastError) {

    /** What the API takes to create or change one ({@code credentials} null: kept, or none on create). */
    public record Request(String tenant, String name, String url, String ref, String pollInterval,
            Credentials credentials) {
    }

    /** Write-only: {@code https-token} (username, token), {@code ssh-key} (privateKey) or {@code none} (remove). */
    public record Credentials(String kind, String username, String token, String privateKey) {

        @Override
        public String toString() {
            return "Credentials[" + kind + ", " + username + ", redacted]";
        }
    }
}
