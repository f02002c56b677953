package io.gitfleet.api.assignment;

/**
 * The path inside a repository an assignment renders. Relative, forward slashes, no {@code ..} segment: the agent
 * resolves it inside its checkout and must never be led outside it.
 */
final class AssignmentPaths {

    private AssignmentPaths() {
    }

    static String problem(String path) {
        if (path == null || path.isBlank()) {
            return "is required ('.' for the repository root)";
        }
        if (path.length() > 512) {
            return "must be at most 512 characters";
        }
        if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            return "must be relative to the repository root, with '/' separators";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "must not contain control characters";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "must not contain '..' segments";
            }
        }
        return null;
    }

    /** {@code ./apps//web/} becomes {@code apps/web}; the root is {@code .}. */
    static String normalize(String path) {
        StringBuilder normalized = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (!normalized.isEmpty()) {
                normalized.append('/');
            }
            normalized.append(segment);
        }
        return normalized.isEmpty() ? "." : normalized.toString();
    }
}
