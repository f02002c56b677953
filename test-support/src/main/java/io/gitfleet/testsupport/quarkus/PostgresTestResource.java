package io.gitfleet.testsupport.quarkus;

import io.gitfleet.testsupport.postgres.PostgresService;

/** {@code @QuarkusTestResource(PostgresTestResource.class)}: a real PostgreSQL for the application under test. */
public class PostgresTestResource extends ServiceTestResource<PostgresService> {

    public PostgresTestResource() {
        super(PostgresService.class, PostgresService::start, PostgresService::quarkusConfig);
    }
}
