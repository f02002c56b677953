package io.gitfleet.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the console reaches the control plane. */
@ConfigMapping(prefix = "gitfleet")
public interface ConsoleConfig {

    /** Base URL of platform-api; the console calls it with the signed-in user's token. */
    @WithDefault("http://127.0.0.1:8080")
    String apiUrl();
}
