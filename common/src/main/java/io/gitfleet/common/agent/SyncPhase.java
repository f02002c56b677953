package io.gitfleet.common.agent;

/** Where an assignment stands on a cluster (design §2). */
public enum SyncPhase {
    Pending,
    Applying,
    Synced,
    Failed,
    Suspended
}
