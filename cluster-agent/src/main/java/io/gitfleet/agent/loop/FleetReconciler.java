package io.gitfleet.agent.loop;

import io.gitfleet.agent.apply.AssignmentSync;
import io.gitfleet.agent.apply.InventoryStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

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

    FleetReconciler(SourceCache sources, ManifestRenderer renderer, AssignmentSync sync, InventoryStore inventories) {
        this.sources = sources;
        this.renderer = renderer;
        this.sync = sync;
        this.inventories = inventories;
    }

    /** Outcomes by assignment id, for status reporting. */
    Map<UUID, SyncOutcome> reconcile(DesiredState state) {
        Map<UUID, SyncOutcome> outcomes = new LinkedHashMap<>();
        for (DesiredAssignment assignment : state.assignments()) {
            SyncOutcome outcome = assignment.policy().suspend()
                    ? new SyncOutcome(SyncPhase.Suspended, List.of(), List.of())
                    : reconcile(state, assignment);
            outcomes.put(assignment.id(), outcome);
            LOG.infof("assignment %s (%s): %s %s", assignment.name(), assignment.id(), outcome.phase(),
                    outcome.problems().isEmpty() ? "" : outcome.problems());
        }
        Set<UUID> desired = state.assignments().stream().map(DesiredAssignment::id).collect(Collectors.toSet());
        inventories.assignments().forEach((id, prune) -> {
            if (!desired.contains(id)) {
                SyncOutcome removed = sync.remove(id, prune);
                LOG.infof("assignment %s removed: %s", id, removed.phase());
            }
        });
        return outcomes;
    }

    private SyncOutcome reconcile(DesiredState state, DesiredAssignment assignment) {
        Checkout checkout;
        try {
            checkout = sources.checkout(assignment.source(), assignment.path());
        } catch (FetchException e) {
            // Nothing is pruned because a source is unreachable (design §3): the last apply stays as it is.
            return new SyncOutcome(SyncPhase.Failed, List.of(), List.of(e.getMessage()));
        }
        RenderResult render = renderer.render(new RenderRequest(checkout.root(), assignment.path(),
                assignment.namespace(), assignment.substitutions(), state.clusterName(), state.labels(),
                assignment.tenantNamespaces()));
        return sync.sync(assignment.id(), render, new SyncOptions(assignment.policy().prune(), false, false));
    }
}
