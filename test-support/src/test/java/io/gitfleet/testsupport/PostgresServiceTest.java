package io.gitfleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.testsupport.junit.ServiceExtension;
import io.gitfleet.testsupport.postgres.PostgresService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresServiceTest {

    @RegisterExtension
    static final ServiceExtension<PostgresService> POSTGRES = new ServiceExtension<>(PostgresService::start);

    @Test
    void flywayMigratesARealServerAndTheDataCanBeQueried() throws SQLException {
        PostgresService pg = POSTGRES.get();
        assertThat(pg.host()).isEqualTo("127.0.0.1");

        MigrateResult result = Flyway.configure()
                .dataSource(pg.jdbcUrl(), pg.username(), pg.password())
                .locations("classpath:smoke-migrations")
                .load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(2);

        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                Statement s = c.createStatement()) {
            ResultSet rows = s.executeQuery("SELECT name FROM smoke_cluster WHERE labels @> '{\"env\":\"prod\"}' ORDER BY name");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("prod-eu-1");
            assertThat(rows.next()).isFalse();

            ResultSet version = s.executeQuery("SHOW server_version_num");
            assertThat(version.next()).isTrue();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(140000);
        }
    }
}
