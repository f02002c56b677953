package io.gitfleet.api.change;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * LISTENs to {@link ChangeNotices} on a dedicated connection and wakes the long-polls waiting on this replica.
 * A waiter is registered before its caller reads the state it compares against, so a change committed in between
 * is never missed. After a lost connection every waiter is woken, since notices may have been missed meanwhile.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

    private final Vertx vertx;
    private final ListenConnection connection;
    private PgSubscriber subscriber;

    public ChangeFeed(Vertx vertx, ListenConnection connection) {
        this.vertx = vertx;
        this.connection = connection;
    }

    void start(@Observes StartupEvent start) {
        subscriber = PgSubscriber.subscriber(vertx, connection.options())
                .reconnectPolicy(retries -> 500L);
        subscriber.channel(ChangeNotices.CHANNEL)
                .handler(this::deliver)
                .subscribeHandler(ignored -> deliver(ChangeNotices.EVERY_CLUSTER));
        subscriber.closeHandler(ignored -> LOG.warn("change feed connection lost; reconnecting"));
        subscriber.connect().toCompletionStage().toCompletableFuture().join();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.close();
        }
        waiters.forEach(w -> w.signal.complete(null));
    }

    /** Starts listening for changes that affect {@code clusterId}; call before reading the state to compare. */
    public Waiter register(UUID clusterId) {
        Waiter waiter = new Waiter(clusterId.toString(), Vertx.currentContext());
        waiters.add(waiter);
        return waiter;
    }

    public int waiting() {
        return waiters.size();
    }

    private void deliver(String payload) {
        for (Waiter waiter : waiters) {
            if (ChangeNotices.EVERY_CLUSTER.equals(payload) || waiter.clusterId.equals(payload)) {
                waiter.signal.complete(null);
            }
        }
    }

    /** A registration for one wake-up; {@link #await} resumes on the caller's Vert.x context. */
    public final class Waiter {

        private final String clusterId;
        private final CompletableFuture<Void> signal = new CompletableFuture<>();
        private final Executor callerContext;

        private Waiter(String clusterId, Context context) {
            this.clusterId = clusterId;
            this.callerContext = context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
        }

        /** True when woken by a change, false when {@code timeout} passed first. Unregisters either way. */
        public Uni<Boolean> await(Duration timeout) {
            return Uni.createFrom().completionStage(signal).replaceWith(true)
                    .ifNoItem().after(timeout).recoverWithItem(false)
                    .emitOn(callerContext)
                    .eventually(this::cancel);
        }

        public void cancel() {
            waiters.remove(this);
        }
    }
}
