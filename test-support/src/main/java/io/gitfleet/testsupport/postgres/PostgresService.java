package io.gitfleet.testsupport.postgres;

import io.gitfleet.testsupport.TestService;
import java.util.Map;

/** A real PostgreSQL server on loopback with an empty database for the caller. */
public interface PostgresService extends TestService {

    /** Starts a local embedded PostgreSQL (real binaries from the zonky jar) with its data in a temp dir. */
    static PostgresService start() {
        return EmbeddedPostgresService.start();
    }

    String host();

    int port();

    String database();

    String username();

    String password();

    default String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database();
    }

    /** The URL form the Quarkus reactive PostgreSQL client expects. */
    default String reactiveUrl() {
        return "postgresql://" + host() + ":" + port() + "/" + database();
    }

    /** Quarkus datasource properties for both the reactive client and the JDBC one Flyway uses. */
    default Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.username", username(),
                "quarkus.datasource.password", password());
    }
}
