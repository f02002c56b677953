package io.gitfleet.api.cluster;

/** Lifecycle of a registered cluster, as design §2 names it. */
public enum ClusterState {
    /** Known (a registration token exists) but no agent has registered yet. */
    Pending,
    /** The agent registered and reports heartbeats. */
    Connected,
    /** The agent missed its heartbeats. */
    Offline,
    /** Its credential is dead; the agent is refused by the API and by status ingestion. */
    Revoked;

    public static ClusterState parseOrNull(String text) {
        for (ClusterState state : values()) {
            if (state.name().equalsIgnoreCase(text)) {
                return state;
            }
        }
        return null;
    }
}
