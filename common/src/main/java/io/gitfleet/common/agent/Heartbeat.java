package io.gitfleet.common.agent;

import java.time.Instant;

/** The agent is alive: its versions, how many assignments it runs, and since when it runs. */
public record Heartbeat(String agentVersion, String kubernetesVersion, int assignments, Instant startedAt) {
}
