package io.gitfleet.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the console reaches the control plane, and what it tells people who install agents. */
@ConfigMapping(prefix = "gitfleet")
public interface ConsoleConfig {

    /** Base URL of platform-api; the console calls it with the signed-in user's token. */
    @WithDefault("http://127.0.0.1:8080")
    String apiUrl();

    /** The control plane's URL as agents in clusters reach it, when it differs from {@link #apiUrl()}. */
    Optional<String> agentApiUrl();

    /** The agent's container image in the install manifest the console shows with a registration token. */
    @WithDefault("ghcr.io/gitfleet/cluster-agent:0.1.0")
    String agentImage();
}
