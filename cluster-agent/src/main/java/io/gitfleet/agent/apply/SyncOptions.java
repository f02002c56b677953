package io.gitfleet.agent.apply;

/**
 * Per-assignment apply policy: delete what left Git, take fields over from other managers, accept an empty render
 * of an assignment that owned objects (which would otherwise prune everything); and what this sync is for.
 */
public record SyncOptions(boolean prune, boolean force, boolean allowEmpty, Mode mode) {

    public SyncOptions(boolean prune, boolean force, boolean allowEmpty) {
        this(prune, force, allowEmpty, Mode.APPLY);
    }

    public enum Mode {
        /** Git (or the assignment) changed: apply and prune; differences are the change, not drift. */
        APPLY,
        /** Nothing changed upstream: differences are drift; report them and re-apply (selfHeal). */
        HEAL,
        /** Nothing changed upstream: report drift and touch nothing (selfHeal off). */
        CHECK
    }
}
