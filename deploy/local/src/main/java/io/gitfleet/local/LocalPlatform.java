package io.gitfleet.local;

import io.gitfleet.testsupport.kafka.KafkaService;
import io.gitfleet.testsupport.local.PlatformApiSettings;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.process.JavaApp;
import io.gitfleet.testsupport.process.ManagedProcess;
import io.gitfleet.testsupport.process.Running;
import io.gitfleet.testsupport.process.TempDirs;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gitfleet on embedded defaults: a real PostgreSQL and Kafka broker from test-support, then the packaged
 * platform-api and platform-ui as child processes wired to them, all on loopback. Closing it stops everything
 * and removes the data.
 */
public final class LocalPlatform implements AutoCloseable {

    private final LocalPlatformConfig config;
    private final Path logs;
    private final Running running;
    private final PostgresService postgres;
    private final KafkaService kafka;
    private final String adminPassword;
    private final String masterKey;
    private final ManagedProcess console;

    private LocalPlatform(LocalPlatformConfig config, Path logs, Running running,
            PostgresService postgres, KafkaService kafka, String adminPassword, String masterKey,
            ManagedProcess console) {
        this.console = console;
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
        ManagedProcess replica = running.add(startApi("platform-api-" + port, config.apiJar(), port, logs,
                postgres, kafka, masterKey));
        JavaApp.waitReady(replica, port);
        return "http://127.0.0.1:" + port;
    }

    private static ManagedProcess startApi(String name, Path jar, int port, Path logs, PostgresService postgres,
            KafkaService kafka, String masterKey) {
        Map<String, String> settings = PlatformApiSettings.of(port, postgres, kafka);
        // No IdP on embedded defaults: people sign in as the bootstrap admin.
        settings.put("quarkus.oidc.tenant-enabled", "false");
        return JavaApp.start(name, jar, logs, settings,
                // Secrets go through the environment, not the command line that every local user can read.
                Map.of("GITFLEET_SECRETS_MASTER_KEY", masterKey));
    }

    /** Starts the services and both apps and returns once both apps report ready. */
    public static LocalPlatform start(LocalPlatformConfig config) {
        Path logs = TempDirs.create("local-run");
        Running running = new Running();
        try {
            PostgresService postgres = running.add(PostgresService.start());
            KafkaService kafka = running.add(KafkaService.start());
            String masterKey = LocalSecrets.masterKey();
            ManagedProcess api = running.add(startApi("platform-api", config.apiJar(), config.apiPort(), logs,
                    postgres, kafka, masterKey));
            ManagedProcess ui = running.add(JavaApp.start("platform-ui", config.uiJar(), logs, Map.of(
                    "quarkus.http.port", String.valueOf(config.uiPort()),
                    "gitfleet.api-url", config.apiUrl()), Map.of()));
            JavaApp.waitReady(api, config.apiPort());
            JavaApp.waitReady(ui, config.uiPort());
            String password = LocalSecrets.bootstrapPassword(logs.resolve("platform-api.log"));
            return new LocalPlatform(config, logs, running, postgres, kafka, password, masterKey, ui);
        } catch (RuntimeException e) {
            running.close();
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

    /** The console's process id, for tools that measure it (benchmarks). */
    public long consolePid() {
        return console.pid();
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
                Sign in to the console, or to the API with HTTP Basic, as admin / %s (the bootstrap
                admin; generated for this run and shown once), e.g.
                  curl -u admin:%s %s/api/v1/me
                Everything listens on loopback only. Press Ctrl-C to stop; all data is removed.
                """.formatted(consoleUrl(), apiUrl(), postgres.jdbcUrl(), postgres.username(),
                kafka.bootstrapServers(), logs, adminPassword, adminPassword, apiUrl());
    }

    @Override
    public void close() {
        running.close();
        TempDirs.deleteQuietly(logs);
    }
}
