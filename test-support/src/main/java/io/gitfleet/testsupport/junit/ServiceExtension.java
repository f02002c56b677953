package io.gitfleet.testsupport.junit;

import io.gitfleet.testsupport.TestService;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one real service for a plain JUnit test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ServiceExtension<PostgresService> POSTGRES = new ServiceExtension<>(PostgresService::start);
 * }</pre>
 *
 * A service that cannot start fails the class with the reason; it is never skipped.
 */
public final class ServiceExtension<S extends TestService> implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<S> starter;
    private S service;
    /** The class context that started the service; nested classes inherit it instead of starting another. */
    private String owner;

    public ServiceExtension(Supplier<S> starter) {
        this.starter = Objects.requireNonNull(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (service == null) {
            service = starter.get();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (service != null && context.getUniqueId().equals(owner)) {
            service.close();
            service = null;
            owner = null;
        }
    }

    /** The running service; only valid between beforeAll and afterAll. */
    public S get() {
        if (service == null) {
            throw new IllegalStateException("service not started: register the extension as a static field");
        }
        return service;
    }
}
