package io.gitfleet.common;

import java.util.regex.Pattern;

/**
 * The Kubernetes DNS-1123 label rule that Gitfleet uses for every name that may end up in a Kubernetes object name
 * or label: cluster, tenant, source and assignment names. At most 63 lowercase alphanumerics or '-', starting and
 * ending with an alphanumeric.
 */
public final class DnsLabel {

    public static final int MAX_LENGTH = 63;
    private static final Pattern RULE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private DnsLabel() {
    }

    /** Why the name is invalid, or null when it is valid; for validation messages that name the rule. */
    public static String problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return "must not be empty";
        }
        if (candidate.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (!RULE.matcher(candidate).matches()) {
            return "must consist of lowercase letters, digits and '-', and start and end with a letter or digit";
        }
        return null;
    }
}
