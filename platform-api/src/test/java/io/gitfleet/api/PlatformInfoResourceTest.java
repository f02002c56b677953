package io.gitfleet.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The control plane on a real PostgreSQL: Flyway migrated it over JDBC, the API reads it reactively. */
@QuarkusTest
class PlatformInfoResourceTest {

    @InjectService
    PostgresService postgres;

    @Test
    void infoReadsTheInstallationRowThatFlywayCreated() throws SQLException {
        String installationId;
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            ResultSet history = s.executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version = '1'");
            assertThat(history.next()).as("V1 recorded by Flyway").isTrue();
            assertThat(history.getBoolean("success")).isTrue();
            ResultSet installation = s.executeQuery("SELECT id FROM installation");
            assertThat(installation.next()).isTrue();
            installationId = installation.getString("id");
        }

        given().when().get("/api/v1/info").then()
                .statusCode(200)
                .body("product", equalTo("gitfleet"))
                .body("installationId", equalTo(installationId))
                .body("installedAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(matchesPattern(".*[Dd]atabase.*")));
    }

    @Test
    void openApiDocumentsTheInfoEndpoint() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("Gitfleet Platform API"))
                .body("paths.'/api/v1/info'.get.summary", equalTo("Identify this Gitfleet installation"));
    }
}
