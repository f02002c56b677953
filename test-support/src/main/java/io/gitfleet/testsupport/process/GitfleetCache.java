package io.gitfleet.testsupport.process;

import java.nio.file.Path;

/**
 * The cache of heavy one-time builds (kube-apiserver, the Keycloak dist), outside any build tree so that
 * {@code mvn clean} and fresh clones reuse it. Keyed by version in sub-directories.
 */
public final class GitfleetCache {

    private GitfleetCache() {
    }

    public static Path root() {
        String configured = System.getProperty("gitfleet-cache", System.getenv("GITFLEET_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "gitfleet");
    }
}
