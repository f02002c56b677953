package io.gitfleet.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name a cluster registers under. Both sides must reject the same names, and the agent uses it in Kubernetes
 * object names and labels, so it follows the Kubernetes DNS-1123 label rules: at most 63 lowercase alphanumerics
 * or '-', starting and ending with an alphanumeric.
 */
public record ClusterName(String value) {

    public static final int MAX_LENGTH = 63;
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public ClusterName {
        Objects.requireNonNull(value, "cluster name");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid cluster name '" + value + "': " + problem);
        }
    }

    /** Why the name is invalid, or null when it is valid; for validation messages that name the rule. */
    public static String problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return "must not be empty";
        }
        if (candidate.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (!DNS_1123_LABEL.matcher(candidate).matches()) {
            return "must consist of lowercase letters, digits and '-', and start and end with a letter or digit";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
