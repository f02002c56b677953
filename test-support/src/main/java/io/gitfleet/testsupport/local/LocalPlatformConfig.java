package io.gitfleet.testsupport.local;

import java.nio.file.Path;

/**
 * Where the packaged apps are and which ports they take; set with {@code -Dgitfleet.local.*} by the
 * {@code ./gitfleet run} script.
 */
record LocalPlatformConfig(Path apiJar, Path uiJar, int apiPort, int uiPort) {

    static LocalPlatformConfig fromSystemProperties() {
        Path root = Path.of(System.getProperty("gitfleet.local.root", ".")).toAbsolutePath().normalize();
        return new LocalPlatformConfig(
                root.resolve("platform-api/target/quarkus-app/quarkus-run.jar"),
                root.resolve("platform-ui/target/quarkus-app/quarkus-run.jar"),
                Integer.getInteger("gitfleet.local.api-port", 8080),
                Integer.getInteger("gitfleet.local.ui-port", 8081));
    }
}
