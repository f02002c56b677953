package io.gitfleet.testsupport.process;

import io.gitfleet.testsupport.ServiceStartException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A packaged Quarkus app ({@code quarkus-run.jar}) as a child process, configured by system properties. */
public final class JavaApp {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private JavaApp() {
    }

    /**
     * Starts {@code jar} with {@code properties} as {@code -D} options; secrets belong in {@code env}, which other
     * local users cannot read the way they can read a command line. Output goes to {@code logs/<name>.log}.
     */
    public static ManagedProcess start(String name, Path jar, Path logs, Map<String, String> properties,
            Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new ServiceStartException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        return ManagedProcess.start(name, command, jar.getParent(), env, logs.resolve(name + ".log"));
    }

    /** Waits until the app's readiness check answers 200 (fails early if the process dies). */
    public static void waitReady(ManagedProcess app, int port) {
        String ready = "http://127.0.0.1:" + port + "/q/health/ready";
        HttpClient http = HttpClient.newHttpClient();
        Waits.until(app.name() + " readiness at " + ready, START_TIMEOUT, app,
                () -> HttpProbe.status(http, ready) == 200);
    }
}
