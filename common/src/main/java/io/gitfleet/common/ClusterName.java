package io.gitfleet.common;

import java.util.Objects;

/**
 * The name a cluster registers under. Both sides must reject the same names, and the agent uses it in Kubernetes
 * object names and labels, so it follows the Kubernetes DNS-1123 label rules: at most 63 lowercase alphanumerics
 * or '-', starting and ending with an alphanumeric.
 */
public record ClusterName(String value) {

    public static final int MAX_LENGTH = DnsLabel.MAX_LENGTH;

    public ClusterName {
        Objects.requireNonNull(value, "cluster name");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid cluster name '" + value + "': " + problem);
        }
    }

    /** Why the name is invalid, or null when it is valid. */
    public static String problem(String candidate) {
        return DnsLabel.problem(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
