package io.gitfleet.common.selector;

/**
 * Set-based operators of a Kubernetes label selector requirement. The constants are spelled as on the wire
 * ({@code "In"}, {@code "NotIn"}, ...) so that selectors round-trip through JSON exactly as Kubernetes writes them.
 */
public enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist;

    boolean takesValues() {
        return this == In || this == NotIn;
    }
}
