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
}
