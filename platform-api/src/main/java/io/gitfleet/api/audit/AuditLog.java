package io.gitfleet.api.audit;

import io.gitfleet.api.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Records mutations inside the transaction that makes them, so a change and its audit line commit or vanish
 * together.
 */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> success(Caller caller, AuditRecord record) {
        AuditEvent event = new AuditEvent();
        event.at = clock.instant();
        event.actor = caller.name();
        event.outcome = "success";
        event.action = record.action();
        event.targetType = record.targetType();
        event.targetId = record.targetId();
        event.targetName = record.targetName();
        event.tenantId = record.tenantId();
        event.summary = record.summary();
        return event.persist().replaceWithVoid();
    }
}
