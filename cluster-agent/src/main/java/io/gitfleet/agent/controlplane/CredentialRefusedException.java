package io.gitfleet.agent.controlplane;

/** The control plane does not accept this agent (revoked, superseded, or the registration token is bad). */
public class CredentialRefusedException extends RuntimeException {

    public CredentialRefusedException(String message) {
        super(message);
    }
}
