package io.gitfleet.common.agent;

/** {@code POST /api/v1/agents/register}: trade a one-time registration token for an agent credential. */
public record RegistrationRequest(String token, String agentVersion, String kubernetesVersion) {

    @Override
    public String toString() {
        // The token is a secret: never let it reach a log line through toString().
        return "RegistrationRequest[agentVersion=" + agentVersion + ", kubernetesVersion=" + kubernetesVersion + "]";
    }
}
