package io.gitfleet.api.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Failed sign-ins of agents and registrations. They happen outside any transaction (often before a session
 * exists), so they go straight through the reactive pool; a failure to audit is logged, never turned into a
 * different answer for the caller.
 */
@ApplicationScoped
public class DeniedAccessAudit {

    private static final Logger LOG = Logger.getLogger(DeniedAccessAudit.class);

    private final Pool pool;
    private final Clock clock;

    public DeniedAccessAudit(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** {@code reason} must not contain the presented secret. */
    public Uni<Void> denied(String action, String actor, String targetType, String targetId, String reason,
            String remoteAddress) {
        return pool.preparedQuery("""
                INSERT INTO audit_event (at, actor, action, outcome, target_type, target_id, summary)
                VALUES ($1, $2, $3, 'denied', $4, $5, $6)""")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), actor, action, targetType, targetId,
                        new JsonObject(Map.of("reason", reason, "remoteAddress", String.valueOf(remoteAddress)))))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("could not audit denied %s: %s", action, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
