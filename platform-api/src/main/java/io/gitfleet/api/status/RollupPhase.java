package io.gitfleet.api.status;

/**
 * Where an assignment stands on a target cluster, and overall: the worst of its targets, in this order of concern
 * (later is worse): nothing to do, done, waiting for a report, failed, cannot be known.
 */
public enum RollupPhase {
    NoTargets,
    Suspended,
    Synced,
    Pending,
    Failed,
    Unknown
}
