package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.UUID;

/** A Git repository and ref a tenant deploys from; credentials are write-only, only their kind shows. */
public record Source(UUID id, String tenant, String name, String url, String ref, String pollInterval,
        String credentialKind, String resolvedRevision, Instant resolvedAt, String lastError) {

    /** What the API takes to create or change one ({@code credentials} omitted: kept, or none on create). */
    public record Request(String tenant, String name, String url, String ref, String pollInterval) {
    }
}
