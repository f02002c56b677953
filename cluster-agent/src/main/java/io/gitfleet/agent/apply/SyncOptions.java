package io.gitfleet.agent.apply;

/**
 * Per-assignment apply policy: delete what left Git, take fields over from other managers, accept an empty render
 * of an assignment that owned objects (which would otherwise prune everything), fields left to others; and what
 * this sync is for.
 */
public record SyncOptions(boolean prune, boolean force, boolean allowEmpty, Mode mode, IgnoredFields ignored) {

    public SyncOptions {
        ignored = ignored == null ? IgnoredFields.NONE : ignored;
    }

    public SyncOptions(boolean prune, boolean force, boolean allowEmpty) {
        this(prune, force, allowEmpty, Mode.APPLY, IgnoredFields.NONE);
    }

    public SyncOptions(boolean prune, boolean force, boolean allowEmpty, Mode mode) {
        this(prune, force, allowEmpty, mode, IgnoredFields.NONE);
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
