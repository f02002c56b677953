package io.gitfleet.testsupport.local;

import io.gitfleet.testsupport.kafka.KafkaService;
import io.gitfleet.testsupport.postgres.PostgresService;
import java.util.HashMap;
import java.util.Map;

/** The configuration a packaged platform-api needs to run against local services (no secrets: those go by env). */
public final class PlatformApiSettings {

    private PlatformApiSettings() {
    }

    /** HTTP port, database and broker; callers add identity-provider settings. Mutable, for that. */
    public static Map<String, String> of(int port, PostgresService postgres, KafkaService kafka) {
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.http.port", String.valueOf(port));
        settings.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        settings.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
        settings.put("quarkus.datasource.username", postgres.username());
        settings.put("quarkus.datasource.password", postgres.password());
        settings.put("gitfleet.agents.kafka-bootstrap-servers", kafka.bootstrapServers());
        return settings;
    }
}
