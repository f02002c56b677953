package io.gitfleet.common.agent;

import java.util.UUID;

/**
 * What an agent publishes to {@code gitfleet.agent-status} (key = cluster id). {@code payload} is the JSON text
 * of a {@link Heartbeat} ({@code type} "heartbeat") or an {@link AssignmentStatus} ("assignment-status"), carried
 * as a string so that the tag covers the exact bytes the agent produced, whatever JSON library reads them.
 * {@code sequence} only grows for one cluster (epoch microseconds, bumped past the last one), so the control plane
 * can drop replays and reordered old messages. {@code tag} is {@link StatusSigner#tag}: only the holder of the
 * cluster's credential can produce it.
 */
public record StatusEnvelope(int schemaVersion, UUID clusterId, long sequence, String sentAt, String type,
        String payload, String tag) {

    public static final int SCHEMA_VERSION = 1;
    public static final String HEARTBEAT = "heartbeat";
    public static final String ASSIGNMENT_STATUS = "assignment-status";
}
