package io.gitfleet.common;

/** Kafka topics agents and the control plane agree on. */
public final class Topics {

    /** Agent status and heartbeats; record key = cluster id, so one cluster's messages stay in order. */
    public static final String AGENT_STATUS = "gitfleet.agent-status";

    /** Status messages the control plane could not accept (malformed, unknown schema), with the reason. */
    public static final String AGENT_STATUS_DEAD_LETTER = AGENT_STATUS + ".dlq";

    private Topics() {
    }
}
