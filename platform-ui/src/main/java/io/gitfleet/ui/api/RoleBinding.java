package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.UUID;

/** An OIDC group or user bound to a role, on one tenant or (no tenant) on the platform. */
public record RoleBinding(UUID id, String subjectKind, String subject, String role, String tenant, String createdBy,
        Instant createdAt) {

    /** What the API takes to create one. */
    public record Request(String subjectKind, String subject, String role, String tenant) {
    }
}
