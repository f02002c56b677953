package io.gitfleet.api.audit;

import java.util.Map;
import java.util.UUID;

/**
 * What happened, before it is stamped with time and actor: {@code action} is {@code <kind>.<verb>}
 * ({@code assignment.update}); {@code summary} says what changed and never holds secrets.
 */
public record AuditRecord(String action, String targetType, String targetId, String targetName, UUID tenantId,
        Map<String, Object> summary) {

    public static AuditRecord of(String action, String targetType, Object targetId, String targetName, UUID tenantId,
            Map<String, Object> summary) {
        return new AuditRecord(action, targetType, targetId == null ? null : targetId.toString(), targetName, tenantId,
                summary == null ? Map.of() : summary);
    }
}
