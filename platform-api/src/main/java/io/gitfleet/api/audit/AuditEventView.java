package io.gitfleet.api.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", example = """
        {"id":42,"at":"2026-11-27T10:30:00Z","actor":"alice","action":"assignment.update","outcome":"success",
         "targetType":"assignment","targetId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","targetName":"web",
         "tenantId":"0b6f0e9e-4c43-4b6c-9d55-3f4f2f1b8a10",
         "summary":{"before":{"path":"apps/web"},"after":{"path":"apps/web-v2"}}}""")
public record AuditEventView(long id, Instant at, String actor, String action, String outcome, String targetType,
        String targetId, String targetName, UUID tenantId, Map<String, Object> summary) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id, event.at, event.actor, event.action, event.outcome, event.targetType,
                event.targetId, event.targetName, event.tenantId, event.summary);
    }
}
