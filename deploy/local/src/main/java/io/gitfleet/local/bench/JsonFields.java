package io.gitfleet.local.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmarks read a string field or two from API answers; a regex keeps them free of a JSON library. */
final class JsonFields {

    private static final String STRING_FIELD = "\"%s\"\\s*:\\s*\"([^\"]+)\"";

    private JsonFields() {
    }

    /** The value of the first string field {@code name} in {@code json}. */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile(STRING_FIELD.formatted(Pattern.quote(name))).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException(name + " not in " + json);
        }
        return matcher.group(1);
    }
}
