package io.gitfleet.agent.drift;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.agent.apply.AssignmentSync;
import io.gitfleet.agent.apply.FieldDiff;
import io.gitfleet.agent.health.HealthRules;
import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.agent.render.RenderedObject;
import io.gitfleet.common.agent.DriftedObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns watch events on owned objects into drift and health updates between syncs. Events are coalesced per
 * object (a burst of edits is one check) and handled on one thread of their own, so informer threads never wait.
 * A cheap comparison of the event's object with the manifest clears most events (including the echoes of
 * Gitfleet's own applies) without a request; only a real difference costs a forced server-side dry-run, which
 * also decides what counts (defaults and normalised values do not). Checks and heals hold the same lock as a sync,
 * so they never interleave with one.
 */
public final class DriftMonitor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DriftMonitor.class);

    private final AssignmentSync sync;
    private final Lock syncLock;
    private final StatusBoard board;
    private final BiConsumer<String, DriftedObject> driftFound;
    private final HealthRules health = new HealthRules();
    private final Map<UUID, WatchedAssignment> watched = new ConcurrentHashMap<>();
    private final Map<Target, OwnedObjectEvent> pending = new LinkedHashMap<>();
    private final OwnedObjectInformers informers;
    private final Thread worker;
    private volatile boolean running = true;

    private record Target(UUID assignment, ObjectKey key) {
    }

    public DriftMonitor(KubernetesClient client, AssignmentSync sync, Lock syncLock, StatusBoard board,
            BiConsumer<String, DriftedObject> driftFound) {
        this.sync = sync;
        this.syncLock = syncLock;
        this.board = board;
        this.driftFound = driftFound;
        this.informers = new OwnedObjectInformers(client, this::onEvent);
        this.worker = Thread.ofPlatform().name("gitfleet-drift").daemon().start(this::work);
    }

    /** From now on, events on this assignment's objects are judged against these manifests. */
    public void watch(UUID assignment, WatchedAssignment desired) {
        watched.put(assignment, desired);
    }

    public void forget(UUID assignment) {
        watched.remove(assignment);
    }

    /** Starts watches for resource types that watched assignments now use, stops those none uses any more. */
    public void updateWatches() {
        informers.watch(watched.values().stream().flatMap(w -> w.objects().values().stream())
                .map(o -> new ResourceType(o.apiVersion(), o.key().kind())).collect(Collectors.toSet()));
    }

    public OwnedObjectInformers informers() {
        return informers;
    }

    /** Called on informer threads. */
    public void onEvent(OwnedObjectEvent event) {
        synchronized (pending) {
            // The newest state of an object is all that matters; remove first so it moves to the back of the line.
            Target target = new Target(event.assignment(), event.key());
            pending.remove(target);
            pending.put(target, event);
            pending.notifyAll();
        }
    }

    private void work() {
        while (running) {
            OwnedObjectEvent event;
            synchronized (pending) {
                while (pending.isEmpty()) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                var first = pending.entrySet().iterator().next();
                pending.remove(first.getKey());
                event = first.getValue();
            }
            try {
                handle(event);
            } catch (RuntimeException e) {
                LOG.warnf("drift check of %s failed: %s", event.key(), e.getMessage());
            }
        }
    }

    private void handle(OwnedObjectEvent event) {
        WatchedAssignment desired = watched.get(event.assignment());
        RenderedObject manifest = desired == null ? null : desired.objects().get(event.key());
        if (manifest == null) {
            return; // pruned, from an assignment that is gone, or suspended: not Gitfleet's business now
        }
        if (!event.gone()) {
            board.observed(event.assignment(), event.key(), health.assess(event.live()));
            boolean asInGit = FieldDiff.differences(manifest.body(), manifest.body(), event.live()).stream()
                    .allMatch(field -> desired.ignored().ignores(event.key(), field));
            if (asInGit) {
                board.drift(event.assignment(), event.key(), Optional.empty());
                return;
            }
        }
        Optional<DriftedObject> drift;
        syncLock.lock();
        try {
            if (watched.get(event.assignment()) != desired) {
                return; // a sync ran meanwhile and judged this object itself
            }
            drift = sync.check(manifest, desired.ignored(), desired.selfHeal());
        } finally {
            syncLock.unlock();
        }
        drift.ifPresent(d -> {
            LOG.infof("drift in %s of assignment %s: %s%s", event.key(), event.assignment(),
                    d.deleted() ? "deleted" : d.fields(), d.healed() ? " (healed)" : "");
            driftFound.accept(desired.name(), d);
        });
        board.drift(event.assignment(), event.key(), drift);
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        informers.close();
    }
}
