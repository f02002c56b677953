package io.gitfleet.local;

import java.nio.file.Path;

/** Where the packaged apps are and which loopback ports they take. */
public record LocalPlatformConfig(Path apiJar, Path uiJar, int apiPort, int uiPort) {

    /** From {@code -Dgitfleet.local.root} (the repository), {@code .api-port} and {@code .ui-port}. */
    public static LocalPlatformConfig fromSystemProperties() {
        return forRepository(Path.of(System.getProperty("gitfleet.local.root", ".")),
                Integer.getInteger("gitfleet.local.api-port", 8080),
                Integer.getInteger("gitfleet.local.ui-port", 8081));
    }

    public static LocalPlatformConfig forRepository(Path repositoryRoot, int apiPort, int uiPort) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        return new LocalPlatformConfig(
                root.resolve("platform-api/target/quarkus-app/quarkus-run.jar"),
                root.resolve("platform-ui/target/quarkus-app/quarkus-run.jar"),
                apiPort, uiPort);
    }

    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    public String consoleUrl() {
        return "http://localhost:" + uiPort;
    }
}
