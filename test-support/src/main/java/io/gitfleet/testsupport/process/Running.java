package io.gitfleet.testsupport.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Services and processes started one after another, stopped in the reverse order (apps before the services they
 * use). A failed stop is reported and the rest still stop.
 */
public final class Running implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();

    /** Records {@code service} as started and returns it. */
    public synchronized <T extends AutoCloseable> T add(T service) {
        started.add(service);
        return service;
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("gitfleet: stop failed: " + e.getMessage());
            }
        }
        started.clear();
    }
}
