package io.gitfleet.common.agent;

import java.util.UUID;

/**
 * The answer to a registration: who the agent now is, the credential it must present from now on (shown once,
 * never stored by the control plane) and where to send status.
 */
public record Registration(UUID clusterId, String clusterName, String credential, KafkaSettings kafka) {

    @Override
    public String toString() {
        return "Registration[clusterId=" + clusterId + ", clusterName=" + clusterName + ", kafka=" + kafka + "]";
    }
}
