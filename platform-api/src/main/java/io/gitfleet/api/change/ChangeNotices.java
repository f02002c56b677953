package io.gitfleet.api.change;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Announces, inside the current transaction, that a cluster's desired state may have changed. PostgreSQL delivers
 * a NOTIFY only when the transaction commits, to every replica listening, so a long-poll never wakes for a change
 * that was rolled back and every replica's waiters wake, not just this one's.
 */
@ApplicationScoped
public class ChangeNotices {

    static final String CHANNEL = "gitfleet_changes";
    static final String EVERY_CLUSTER = "*";

    /** One cluster's labels, state or credential changed. */
    public Uni<Void> cluster(UUID clusterId) {
        return notice(clusterId.toString());
    }

    /** Something that may touch any cluster changed: an assignment, a source's revision, a tenant. */
    public Uni<Void> fleet() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("UPDATE fleet_version SET version = version + 1")
                        .executeUpdate())
                .chain(() -> notice(EVERY_CLUSTER));
    }

    /** The fleet version as of this session's transaction; see V3__fleet_version.sql. */
    public static Uni<Long> fleetVersion() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT version FROM fleet_version", Long.class).getSingleResult());
    }

    private static Uni<Void> notice(String payload) {
        // NOTIFY takes no bind parameters; the payload is a UUID's text or '*', never caller input.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("NOTIFY " + CHANNEL + ", '" + payload + "'")
                        .executeUpdate())
                .replaceWithVoid();
    }
}
