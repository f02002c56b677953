package io.gitfleet.agent.loop;

import io.gitfleet.agent.apply.AssignmentSync;
import io.gitfleet.agent.apply.IgnoredFields;
import io.gitfleet.agent.apply.InventoryStore;
import io.gitfleet.agent.apply.Ownership;
import io.gitfleet.agent.drift.DriftMonitor;
import io.gitfleet.agent.drift.StatusBoard;
import io.gitfleet.agent.drift.WatchedAssignment;
import io.gitfleet.common.agent.SyncPolicy;
import io.gitfleet.agent.apply.SyncOptions;
import io.gitfleet.agent.apply.SyncOutcome;
import io.gitfleet.agent.git.Checkout;
import io.gitfleet.agent.git.FetchException;
import io.gitfleet.agent.git.SourceCache;
import io.gitfleet.agent.render.ManifestRenderer;
import io.gitfleet.agent.render.RenderRequest;
import io.gitfleet.agent.render.RenderResult;
import io.gitfleet.common.agent.DesiredAssignment;
import io.gitfleet.common.agent.DesiredState;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.agent.apply.InventoryEntry;
import io.gitfleet.agent.apply.ObjectChange;
import io.gitfleet.agent.health.HealthAssessment;
import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.agent.metrics.SyncMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Brings the cluster to one desired state: each assignment fetched, rendered and synced on its own (one failing
 * assignment never stops the others), suspended ones left alone, and assignments that disappeared removed with
 * their objects when they pruned.
 */
final class FleetReconciler {

    private static final Logger LOG = Logger.getLogger(FleetReconciler.class);

    private final SourceCache sources;
    private final ManifestRenderer renderer;
    private final AssignmentSync sync;
    private final InventoryStore inventories;
    private final ObservedHealth health;
    private final DriftMonitor drift;
    private final StatusBoard board;
    private final Lock syncLock;
    private final SyncMetrics metrics;
    private final Clock clock;
    /** What was last applied successfully per assignment (generation@revision); the same again means resync. */
    private final Map<UUID, String> applied = new ConcurrentHashMap<>();

    FleetReconciler(SourceCache sources, ManifestRenderer renderer, AssignmentSync sync, InventoryStore inventories,
            ObservedHealth health, DriftMonitor drift, StatusBoard board, Lock syncLock, SyncMetrics metrics,
            Clock clock) {
        this.sources = sources;
        this.renderer = renderer;
        this.sync = sync;
        this.inventories = inventories;
        this.health = health;
        this.drift = drift;
        this.board = board;
        this.syncLock = syncLock;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One status per desired assignment, each also published on the board (and so reported). */
    List<AssignmentStatus> reconcile(DesiredState state) {
        syncLock.lock();
        try {
            List<AssignmentStatus> statuses = new ArrayList<>();
            for (DesiredAssignment assignment : state.assignments()) {
                Instant started = clock.instant();
                MDC.put("assignment", assignment.id().toString());
                Synced result;
                try {
                    result = assignment.policy().suspend()
                            ? new Synced(new SyncOutcome(SyncPhase.Suspended, List.of(), List.of()), null)
                            : reconcile(state, assignment);
                } finally {
                    MDC.remove("assignment");
                }
                metrics.synced(assignment.name(), result.outcome(), Duration.between(started, clock.instant()));
                if (assignment.policy().suspend()) {
                    drift.forget(assignment.id());
                }
                AssignmentStatus status = status(assignment, result, started);
                statuses.add(status);
                board.publish(status);
                LOG.infof("assignment %s (%s): %s %s", assignment.name(), assignment.id(), result.outcome().phase(),
                        result.outcome().problems().isEmpty() ? "" : result.outcome().problems());
            }
            Set<UUID> desired = state.assignments().stream().map(DesiredAssignment::id).collect(Collectors.toSet());
            inventories.assignments().forEach((id, prune) -> {
                if (!desired.contains(id)) {
                    drift.forget(id);
                    board.forget(id);
                    SyncOutcome removed = sync.remove(id, prune);
                    LOG.infof("assignment %s removed: %s", id, removed.phase());
                }
            });
            drift.updateWatches();
            return statuses;
        } finally {
            syncLock.unlock();
        }
    }

    /** A sync's outcome and the commit it applied (null when nothing was fetched or it failed). */
    private record Synced(SyncOutcome outcome, String appliedRevision) {
    }

    private Synced reconcile(DesiredState state, DesiredAssignment assignment) {
        Checkout checkout;
        try {
            checkout = sources.checkout(assignment.source(), assignment.path());
        } catch (FetchException e) {
            // Nothing is pruned because a source is unreachable (design §3): the last apply stays as it is.
            return new Synced(new SyncOutcome(SyncPhase.Failed, List.of(), List.of(e.getMessage())), null);
        }
        RenderResult render = renderer.render(new RenderRequest(checkout.root(), assignment.path(),
                assignment.namespace(), assignment.substitutions(), state.clusterName(), state.labels(),
                assignment.tenantNamespaces()));
        String version = assignment.generation() + "@" + checkout.commit();
        SyncOptions.Mode mode = !version.equals(applied.get(assignment.id())) ? SyncOptions.Mode.APPLY
                : assignment.policy().selfHeal() ? SyncOptions.Mode.HEAL : SyncOptions.Mode.CHECK;
        SyncPolicy policy = assignment.policy();
        IgnoredFields ignored = new IgnoredFields(policy.ignore());
        SyncOutcome outcome = sync.sync(assignment.id(), render,
                new SyncOptions(policy.prune(), policy.force(), policy.allowEmpty(), mode, ignored));
        if (outcome.phase() == SyncPhase.Synced && mode == SyncOptions.Mode.APPLY) {
            applied.put(assignment.id(), version);
        }
        if (outcome.phase() == SyncPhase.Synced) {
            // After a failure the cluster still holds the last good state: keep watching that one.
            drift.watch(assignment.id(), WatchedAssignment.of(assignment.name(), Ownership.label(assignment.id(), render.objects()),
                    policy.selfHeal(), ignored));
        }
        return new Synced(outcome, outcome.phase() == SyncPhase.Synced ? checkout.commit() : null);
    }

    /** Every owned object with what this sync did to it and its health; the assignment is as healthy as its worst. */
    private AssignmentStatus status(DesiredAssignment assignment, Synced result, Instant started) {
        Map<ObjectKey, ObjectChange> changes = result.outcome().changes().stream()
                .collect(Collectors.toMap(ObjectChange::key, c -> c, (a, b) -> b));
        List<ObjectStatus> objects = new ArrayList<>();
        Health worst = Health.Healthy;
        for (InventoryEntry entry : inventories.load(assignment.id())) {
            HealthAssessment assessed = health.of(entry);
            worst = worst.worst(assessed.health());
            ObjectChange change = changes.get(entry.key());
            objects.add(new ObjectStatus(entry.key().group(), entry.key().kind(), entry.key().namespace(),
                    entry.key().name(), change == null ? null : change.action().name().toLowerCase(),
                    assessed.health(), assessed.message()));
        }
        List<String> problems = result.outcome().problems();
        String message = problems.isEmpty() ? null
                : String.join("; ", problems.subList(0, Math.min(problems.size(), 10)));
        return new AssignmentStatus(assignment.id(), assignment.generation(), assignment.source().revision(),
                result.appliedRevision(), result.outcome().phase(), objects.isEmpty() ? Health.Unknown : worst,
                message, objects, result.outcome().drift(), started, clock.instant());
    }
}
