package io.gitfleet.ui.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Who did what to which object, and whether they were allowed to. */
public record AuditEvent(long id, Instant at, String actor, String action, String outcome, String targetType,
        String targetId, String targetName, UUID tenantId, Map<String, Object> summary) {
}
