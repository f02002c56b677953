package io.gitfleet.testsupport;

/**
 * A service could not start. The message says why (missing binary, port, readiness timeout) and carries the
 * tail of the service's own log, so a failing test explains itself instead of being skipped.
 */
public class ServiceStartException extends RuntimeException {

    public ServiceStartException(String message) {
        super(message);
    }

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Keeps a start failure that already explains itself; wraps anything else with the service's name. */
    public static ServiceStartException of(String service, Exception cause) {
        return cause instanceof ServiceStartException explained ? explained
                : new ServiceStartException(service + " did not start: " + cause, cause);
    }
}
