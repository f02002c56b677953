package io.gitfleet.agent.git;

/** The source could not be fetched or the revision not found; the message is safe to report (no credentials). */
public class FetchException extends Exception {

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }

    public FetchException(String message) {
        super(message);
    }
}
