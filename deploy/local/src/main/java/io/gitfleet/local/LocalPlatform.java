package io.gitfleet.local;

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

/**
 * Gitfleet on embedded defaults: a real PostgreSQL and Kafka broker from test-support, then the packaged
 * platform-api and platform-ui as child processes wired to them, all on loopback. Closing it stops everything
 * and removes the data.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration APP_START_TIMEOUT = Duration.ofMinutes(2);

    private final LocalPlatformConfig config;
    private final Path logs;
    private final List<AutoCloseable> running;
    private final PostgresService postgres;
    private final KafkaService kafka;
    private final String adminPassword;
    private final String masterKey;

    private LocalPlatform(LocalPlatformConfig config, Path logs, List<AutoCloseable> running,
            PostgresService postgres, KafkaService kafka, String adminPassword, String masterKey) {
        this.config = config;
        this.logs = logs;
        this.running = running;
        this.postgres = postgres;
        this.kafka = kafka;
        this.adminPassword = adminPassword;
        this.masterKey = masterKey;
    }

    /**
     * Starts one more platform-api replica on {@code port} against the same database and broker, as a load-balanced
     * deployment runs them; it stops with the platform. Returns its base URL once ready.
     */
    public String startApiReplica(int port) {
        ManagedProcess replica = started(running, startApi("platform-api-" + port, config.apiJar(), port, logs,
                postgres, kafka, masterKey));
        waitReady(replica, port);
        return "http://127.0.0.1:" + port;
    }

    private static ManagedProcess startApi(String name, Path jar, int port, Path logs, PostgresService postgres,
            KafkaService kafka, String masterKey) {
        return startApp(name, jar, logs, Map.of(
                "quarkus.http.port", String.valueOf(port),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "gitfleet.agents.kafka-bootstrap-servers", kafka.bootstrapServers(),
                // No IdP on embedded defaults: people sign in as the bootstrap admin.
                "quarkus.oidc.tenant-enabled", "false"),
                // Secrets go through the environment, not the command line that every local user can read.
                Map.of("GITFLEET_SECRETS_MASTER_KEY", masterKey));
    }

    /** Starts the services and both apps and returns once both apps report ready. */
    public static LocalPlatform start(LocalPlatformConfig config) {
        Path logs = TempDirs.create("local-run");
        List<AutoCloseable> running = new ArrayList<>();
        try {
            PostgresService postgres = started(running, PostgresService.start());
            KafkaService kafka = started(running, KafkaService.start());
            String masterKey = LocalSecrets.masterKey();
            ManagedProcess api = started(running, startApi("platform-api", config.apiJar(), config.apiPort(), logs,
                    postgres, kafka, masterKey));
            ManagedProcess ui = started(running, startApp("platform-ui", config.uiJar(), logs, Map.of(
                    "quarkus.http.port", String.valueOf(config.uiPort()),
                    "gitfleet.api-url", config.apiUrl()), Map.of()));
            waitReady(api, config.apiPort());
            waitReady(ui, config.uiPort());
            String password = LocalSecrets.bootstrapPassword(logs.resolve("platform-api.log"));
            return new LocalPlatform(config, logs, running, postgres, kafka, password, masterKey);
        } catch (RuntimeException e) {
            stopAll(running);
            TempDirs.deleteQuietly(logs);
            throw e;
        }
    }

    public String apiUrl() {
        return config.apiUrl();
    }

    public String consoleUrl() {
        return config.consoleUrl();
    }

    /** The broker agents report to. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The platform's database, for tools that seed it directly (benchmarks). */
    public PostgresService postgres() {
        return postgres;
    }

    /** The bootstrap admin's password, which the API generated on this first start of a fresh database. */
    public String adminPassword() {
        return adminPassword;
    }

    /** What a person needs to use the running platform. */
    public String banner() {
        return """

                Gitfleet is running on embedded defaults.
                  Console:      %s/
                  API:          %s/api/v1/info   (Swagger UI: /q/swagger-ui)
                  PostgreSQL:   %s  (user %s)
                  Kafka:        %s
                  Logs:         %s
                Sign in to the API with HTTP Basic as admin / %s (the bootstrap admin;
                generated for this run and shown once), e.g.
                  curl -u admin:%s %s/api/v1/me
                Everything listens on loopback only. Press Ctrl-C to stop; all data is removed.
                """.formatted(consoleUrl(), apiUrl(), postgres.jdbcUrl(), postgres.username(),
                kafka.bootstrapServers(), logs, adminPassword, adminPassword, apiUrl());
    }

    @Override
    public void close() {
        stopAll(running);
        TempDirs.deleteQuietly(logs);
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> running, T service) {
        running.add(service);
        return service;
    }

    private static ManagedProcess startApp(String name, Path jar, Path logs, Map<String, String> properties,
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

    private static void waitReady(ManagedProcess app, int port) {
        String ready = "http://127.0.0.1:" + port + "/q/health/ready";
        HttpClient http = HttpClient.newHttpClient();
        Waits.until(app.name() + " readiness at " + ready, APP_START_TIMEOUT, app,
                () -> HttpProbe.status(http, ready) == 200);
    }

    /** Apps first, then the services they use; the reverse of the start order. */
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
