package io.gitfleet.common;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A tenant's namespaces are names or globs where {@code *} stands for any run of namespace characters
 * ({@code team-a-*}). The control plane validates them and checks assignment namespaces; the agent enforces them
 * on every rendered object.
 */
public final class NamespacePattern {

    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?");

    private NamespacePattern() {
    }

    /** Why {@code pattern} is not a valid namespace pattern, or null. */
    public static String problem(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return "must not be empty";
        }
        if (pattern.length() > DnsLabel.MAX_LENGTH) {
            return "must be at most " + DnsLabel.MAX_LENGTH + " characters";
        }
        if (!SYNTAX.matcher(pattern).matches()) {
            return "must be a namespace name, optionally with '*' wildcards";
        }
        return null;
    }

    /** Everything but {@code *} is literal, even in a pattern that never went through {@link #problem}. */
    public static boolean matches(String pattern, String namespace) {
        String[] literals = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append("[-a-z0-9]*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.matches(regex.toString(), namespace);
    }

    public static boolean anyMatches(Collection<String> patterns, String namespace) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, namespace));
    }
}
