package io.gitfleet.agent.apply;

import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.agent.render.RenderProblem;
import io.gitfleet.agent.render.RenderResult;
import io.gitfleet.agent.render.RenderedObject;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.SyncPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One assignment's sync, top-down (design §4 steps 3-5): refuse a failed or suspiciously empty render; apply CRDs
 * and Namespaces first (the rest cannot even be dry-run before they exist); dry-run everything else and stop at
 * the first problem; apply what changed; prune what left Git; record the inventory. Nothing is pruned after any
 * failure, and objects whose delete failed stay in the inventory.
 */
public final class AssignmentSync {

    private final ServerSideApplier applier;
    private final Pruner pruner;
    private final InventoryStore inventory;

    public AssignmentSync(ServerSideApplier applier, Pruner pruner, InventoryStore inventory) {
        this.applier = applier;
        this.pruner = pruner;
        this.inventory = inventory;
    }

    public SyncOutcome sync(UUID assignment, RenderResult render, SyncOptions options) {
        if (render.failed()) {
            return SyncOutcome.failed(List.of(), render.problems().stream().map(RenderProblem::toString).toList());
        }
        List<InventoryEntry> previous = inventory.load(assignment);
        if (render.objects().isEmpty() && !previous.isEmpty() && !options.allowEmpty()) {
            return SyncOutcome.failed(List.of(), List.of("the render is empty but the assignment owns "
                    + previous.size() + " object(s); refusing to prune them all (allow empty renders to do so)"));
        }
        List<RenderedObject> owned = Ownership.label(assignment, render.objects());
        List<RenderedObject> first = owned.stream().filter(AssignmentSync::definesStructure).toList();
        List<RenderedObject> rest = owned.stream().filter(o -> !definesStructure(o)).toList();
        List<ObjectChange> changes = new ArrayList<>();
        List<InventoryEntry> applied = new ArrayList<>();

        List<DriftedObject> drift = new ArrayList<>();

        for (List<RenderedObject> stage : List.of(first, rest)) {
            // Drift is a field another manager took over: only a forced dry-run shows what Git would put back.
            List<ServerSideApplier.DryRun> dryRuns = applier.dryRun(stage,
                    options.force() || options.mode() != SyncOptions.Mode.APPLY, options.ignored());
            List<String> failures = dryRuns.stream().map(ServerSideApplier.DryRun::failure)
                    .filter(f -> f != null).toList();
            if (!failures.isEmpty()) {
                keep(assignment, previous, applied, options.prune());
                return SyncOutcome.failed(changes, failures);
            }
            if (options.mode() != SyncOptions.Mode.APPLY) {
                dryRuns.forEach(dryRun -> drifted(dryRun, options.ignored()).ifPresent(drift::add));
            }
            if (options.mode() == SyncOptions.Mode.CHECK) {
                continue;
            }
            // Healing means Git wins over whoever changed the field; a Git change itself respects other managers.
            List<ObjectChange> stageChanges = applier.apply(dryRuns,
                    options.force() || options.mode() == SyncOptions.Mode.HEAL);
            for (int i = 0; i < stage.size(); i++) {
                if (stageChanges.get(i).action() != ObjectChange.Action.FAILED) {
                    applied.add(new InventoryEntry(stage.get(i).key(), stage.get(i).apiVersion()));
                }
            }
            changes.addAll(stageChanges);
            if (options.mode() == SyncOptions.Mode.HEAL) {
                markHealed(drift, stageChanges);
            }
            List<String> applyFailures = stageChanges.stream()
                    .filter(c -> c.action() == ObjectChange.Action.FAILED).map(ObjectChange::toString).toList();
            if (!applyFailures.isEmpty()) {
                keep(assignment, previous, applied, options.prune());
                return SyncOutcome.failed(changes, applyFailures);
            }
        }

        if (options.mode() == SyncOptions.Mode.CHECK) {
            return new SyncOutcome(SyncPhase.Synced, changes, List.of(), drift);
        }
        Set<ObjectKey> desired = render.objects().stream().map(RenderedObject::key).collect(Collectors.toSet());
        List<InventoryEntry> next = new ArrayList<>(render.objects().stream()
                .map(o -> new InventoryEntry(o.key(), o.apiVersion())).toList());
        List<String> problems = new ArrayList<>();
        if (options.prune()) {
            List<InventoryEntry> stale = previous.stream().filter(e -> !desired.contains(e.key())).toList();
            List<InventoryEntry> failedDeletes = new ArrayList<>();
            List<ObjectChange> pruned = pruner.prune(stale, failedDeletes);
            changes.addAll(pruned);
            next.addAll(failedDeletes);
            pruned.stream().filter(c -> c.action() == ObjectChange.Action.FAILED).map(ObjectChange::toString)
                    .forEach(problems::add);
        }
        inventory.save(assignment, next, options.prune());
        return new SyncOutcome(problems.isEmpty() ? SyncPhase.Synced : SyncPhase.Failed, changes, problems, drift);
    }

    /** The assignment is gone: delete what it owns (when it pruned) and its inventory. */
    public SyncOutcome remove(UUID assignment, boolean prune) {
        List<InventoryEntry> owned = inventory.load(assignment);
        List<InventoryEntry> failed = new ArrayList<>();
        List<ObjectChange> changes = prune ? pruner.prune(owned, failed) : List.of();
        if (failed.isEmpty()) {
            inventory.delete(assignment);
            return new SyncOutcome(SyncPhase.Synced, changes, List.of());
        }
        inventory.save(assignment, failed, prune);
        return SyncOutcome.failed(changes, failed.stream().map(e -> e.key() + " delete failed").toList());
    }

    /** After a failure: the inventory gains what was applied, and loses nothing it had. */
    private void keep(UUID assignment, List<InventoryEntry> previous, List<InventoryEntry> applied, boolean prune) {
        if (applied.isEmpty()) {
            return;
        }
        Map<ObjectKey, InventoryEntry> merged = new LinkedHashMap<>();
        previous.forEach(e -> merged.put(e.key(), e));
        applied.forEach(e -> merged.put(e.key(), e));
        inventory.save(assignment, new ArrayList<>(merged.values()), prune);
    }

    /**
     * Checks one owned object (already labelled) against Git, the way a watch event asks for it: a forced dry-run
     * shows what Git would put back; with {@code heal} that is applied, taking the fields back from whoever changed
     * them. Empty when the object is as Git says; a failed dry-run or heal is an exception naming the object.
     */
    public Optional<DriftedObject> check(RenderedObject object, IgnoredFields ignored, boolean heal) {
        ServerSideApplier.DryRun dryRun = applier.dryRun(List.of(object), true, ignored).getFirst();
        if (dryRun.failure() != null) {
            throw new IllegalStateException(dryRun.failure());
        }
        Optional<DriftedObject> drift = drifted(dryRun, ignored);
        if (drift.isEmpty() || !heal) {
            return drift;
        }
        ObjectChange change = applier.apply(List.of(dryRun), true).getFirst();
        if (change.action() == ObjectChange.Action.FAILED) {
            throw new IllegalStateException(change.toString());
        }
        return drift.map(DriftedObject::asHealed);
    }

    /** A deleted object, or one whose managed fields differ from Git. */
    private Optional<DriftedObject> drifted(ServerSideApplier.DryRun dryRun, IgnoredFields ignored) {
        ObjectKey key = dryRun.object().key();
        if (dryRun.live() == null) {
            return Optional.of(new DriftedObject(key.group(), key.kind(), key.namespace(), key.name(),
                    List.of(), true, false));
        }
        List<FieldDiff.Difference> differences = applier.drift(dryRun, ignored);
        return differences.isEmpty() ? Optional.empty() : Optional.of(new DriftedObject(key.group(),
                key.kind(), key.namespace(), key.name(), differences.stream().map(d -> d.path().toString()).toList(),
                false, false, DriftValues.describe(key, differences)));
    }

    /** Drift whose object was re-applied without failure has been undone. */
    private static void markHealed(List<DriftedObject> drift, List<ObjectChange> changes) {
        Set<ObjectKey> reapplied = changes.stream().filter(c -> c.action() != ObjectChange.Action.FAILED)
                .map(ObjectChange::key).collect(Collectors.toSet());
        drift.replaceAll(d -> reapplied.contains(new ObjectKey(d.group(), d.kind(), d.namespace(), d.name()))
                ? d.asHealed() : d);
    }

    private static boolean definesStructure(RenderedObject object) {
        String kind = object.key().kind();
        return kind.equals("CustomResourceDefinition") || (kind.equals("Namespace") && object.key().group().isEmpty());
    }
}
