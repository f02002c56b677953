package io.gitfleet.agent.apply;

/**
 * Per-assignment apply policy: delete what left Git, take fields over from other managers, accept an empty render
 * of an assignment that owned objects (which would otherwise prune everything).
 */
public record SyncOptions(boolean prune, boolean force, boolean allowEmpty) {
}
