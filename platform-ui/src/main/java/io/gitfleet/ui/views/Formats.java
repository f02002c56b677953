package io.gitfleet.ui.views;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How the console writes the API's values: labels, counts, times, revisions. */
final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String labels(Map<String, String> labels) {
        return labels == null ? "" : labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * {@code env=prod, region=eu} (commas or new lines) into labels; the API judges keys and values, so this only
     * splits and refuses entries without '='.
     */
    static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String entry : text.split("[,\\n]")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + trimmed + "' is not key=value");
            }
            labels.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return labels;
    }

    static String counts(Map<String, Long> counts) {
        return counts == null ? "" : counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "));
    }

    static String when(Instant at) {
        return at == null ? "never" : WHEN.format(at);
    }

    /** A commit as people read it: the first 10 hex digits. */
    static String revision(String sha) {
        return sha == null ? "–" : sha.length() > 10 ? sha.substring(0, 10) : sha;
    }
}
