package io.gitfleet.api.tenant;

import java.util.regex.Pattern;

/**
 * A tenant's namespaces are names or globs where {@code *} stands for any run of characters ({@code team-a-*}).
 * Patterns use the namespace alphabet plus {@code *}, so they cannot smuggle regular expressions.
 */
public final class NamespacePatterns {

    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?");

    private NamespacePatterns() {
    }

    public static String problem(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return "must not be empty";
        }
        if (pattern.length() > 63) {
            return "must be at most 63 characters";
        }
        if (!SYNTAX.matcher(pattern).matches()) {
            return "must be a namespace name, optionally with '*' wildcards";
        }
        return null;
    }

    public static boolean matches(String pattern, String namespace) {
        return Pattern.matches(pattern.replace("*", "[-a-z0-9]*"), namespace);
    }
}
