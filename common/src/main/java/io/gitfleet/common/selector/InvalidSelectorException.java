package io.gitfleet.common.selector;

/** A label selector that Kubernetes would reject; the message says what and, for strings, where. */
public class InvalidSelectorException extends IllegalArgumentException {

    public InvalidSelectorException(String message) {
        super(message);
    }
}
