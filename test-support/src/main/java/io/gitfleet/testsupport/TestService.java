package io.gitfleet.testsupport;

/**
 * A real service started for tests or the local run. Closing it stops every process it started and
 * deletes its data directory.
 */
public interface TestService extends AutoCloseable {

    /** Stops the service and removes its data. Never throws: a failed cleanup must not mask a test failure. */
    @Override
    void close();
}
