package io.gitfleet.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The agent's configuration under {@code gitfleet.agent.*} (environment: {@code GITFLEET_AGENT_*}). */
@ConfigMapping(prefix = "gitfleet.agent")
public interface AgentConfig {

    /** The control plane's base URL. Without it the agent only serves health (used by tests of single parts). */
    Optional<String> apiUrl();

    /** One-time registration token, needed only until the credential is stored in the cluster. */
    Optional<String> registrationToken();

    /** Namespace for the agent's own objects: its credential Secret, inventories, last desired state. */
    @WithDefault("gitfleet-system")
    String namespace();

    /** Where Git repositories are cached. */
    @WithDefault("/tmp/gitfleet-agent")
    String cacheDir();

    /** How long one long-poll waits for a change. */
    @WithDefault("30s")
    Duration pollWait();

    /** Reconcile at least this often even without changes, so drifted objects are corrected. */
    @WithDefault("3m")
    Duration resyncInterval();

    /** Pause after the control plane could not be reached, before trying again. */
    @WithDefault("5s")
    Duration retryDelay();
}
