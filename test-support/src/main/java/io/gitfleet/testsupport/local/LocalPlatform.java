package io.gitfleet.testsupport.local;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.kafka.KafkaService;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.process.HttpProbe;
import io.gitfleet.testsupport.process.ManagedProcess;
import io.gitfleet.testsupport.process.TempDirs;
import io.gitfleet.testsupport.process.Waits;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Gitfleet on embedded defaults: a real PostgreSQL and Kafka broker from test-support, then the packaged
 * platform-api and platform-ui as child processes wired to them. Everything listens on loopback and is removed
 * on Ctrl-C. Started by {@code ./gitfleet run}.
 */
public final class LocalPlatform {

    private static final Duration APP_START_TIMEOUT = Duration.ofMinutes(2);

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        LocalPlatformConfig config = LocalPlatformConfig.fromSystemProperties();
        Path logs = TempDirs.create("local-run");
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(running);
            TempDirs.deleteQuietly(logs);
            stopped.countDown();
        }, "gitfleet-local-stop"));

        try {
            System.out.println("gitfleet: starting embedded PostgreSQL and Kafka ...");
            PostgresService postgres = PostgresService.start();
            running.add(postgres);
            KafkaService kafka = KafkaService.start();
            running.add(kafka);

            ManagedProcess api = startApp("platform-api", config.apiJar(), logs, Map.of(
                    "quarkus.http.port", String.valueOf(config.apiPort()),
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                    "quarkus.datasource.username", postgres.username(),
                    "quarkus.datasource.password", postgres.password(),
                    "kafka.bootstrap.servers", kafka.bootstrapServers()));
            running.add(api);
            ManagedProcess ui = startApp("platform-ui", config.uiJar(), logs, Map.of(
                    "quarkus.http.port", String.valueOf(config.uiPort()),
                    "gitfleet.api-url", "http://127.0.0.1:" + config.apiPort()));
            running.add(ui);

            waitReady(api, config.apiPort());
            waitReady(ui, config.uiPort());
            System.out.printf("""

                    Gitfleet is running on embedded defaults.
                      Console:      http://localhost:%d/
                      API:          http://localhost:%d/api/v1/info   (Swagger UI: /q/swagger-ui)
                      PostgreSQL:   %s  (user %s)
                      Kafka:        %s
                      Logs:         %s
                    Sign-in (Keycloak SSO and the bootstrap admin) arrives with the control-plane issue;
                    until then the console and API are open on loopback only.
                    Press Ctrl-C to stop; all data is removed.
                    %n""", config.uiPort(), config.apiPort(), postgres.jdbcUrl(), postgres.username(),
                    kafka.bootstrapServers(), logs);
        } catch (RuntimeException e) {
            System.err.println("gitfleet: local run failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static ManagedProcess startApp(String name, Path jar, Path logs, Map<String, String> properties) {
        if (!Files.isRegularFile(jar)) {
            throw new ServiceStartException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        System.out.println("gitfleet: starting " + name + " ...");
        return ManagedProcess.start(name, command, jar.getParent(), Map.of(), logs.resolve(name + ".log"));
    }

    private static void waitReady(ManagedProcess app, int port) {
        String ready = "http://127.0.0.1:" + port + "/q/health/ready";
        HttpClient http = HttpClient.newHttpClient();
        Waits.until(app.name() + " readiness at " + ready, APP_START_TIMEOUT, app,
                () -> HttpProbe.status(http, ready) == 200);
    }

    private static void stopAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("gitfleet: stop failed: " + e.getMessage());
            }
        }
        running.clear();
    }
}
