package io.gitfleet.api.source;

import java.util.regex.Pattern;

/** Ref names Git accepts ({@code git check-ref-format}, simplified), and revisions that are commit ids. */
public final class GitRefs {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private GitRefs() {
    }

    public static String problem(String ref) {
        if (ref == null || ref.isBlank()) {
            return "is required (a branch, tag or commit)";
        }
        if (ref.length() > 255) {
            return "must be at most 255 characters";
        }
        if (ref.startsWith("-") || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".lock")
                || ref.endsWith(".") || ref.contains("..") || ref.contains("//") || ref.contains("@{")) {
            return "is not a valid Git ref name";
        }
        for (char c : ref.toCharArray()) {
            if (c < 0x21 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                return "is not a valid Git ref name";
            }
        }
        return null;
    }

    public static boolean isCommit(String revision) {
        return revision != null && COMMIT.matcher(revision).matches();
    }
}
