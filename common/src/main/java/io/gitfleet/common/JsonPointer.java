package io.gitfleet.common;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer such as {@code /metadata/labels/app.kubernetes.io~1name}. Drift reports name fields this
 * way and ignore rules select them this way, so a path copied from a drift report can be pasted into a rule.
 */
public record JsonPointer(List<String> tokens) {

    public static final JsonPointer ROOT = new JsonPointer(List.of());

    public JsonPointer {
        tokens = List.copyOf(tokens);
    }

    /** Parses a pointer; the message of the exception says what is wrong and where. */
    public static JsonPointer parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a JSON pointer must start with '/'");
        }
        if (text.charAt(0) != '/') {
            throw new IllegalArgumentException("'" + text + "' is not a JSON pointer: it must start with '/'");
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/') {
                tokens.add(token.toString());
                token.setLength(0);
            } else if (c == '~') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    throw new IllegalArgumentException("'" + text + "' is not a JSON pointer: '~' at position " + i
                            + " must be followed by 0 or 1");
                }
                token.append(next == '0' ? '~' : '/');
                i++;
            } else {
                token.append(c);
            }
        }
        tokens.add(token.toString());
        return new JsonPointer(tokens);
    }

    public JsonPointer child(String token) {
        List<String> longer = new ArrayList<>(tokens);
        longer.add(token);
        return new JsonPointer(longer);
    }

    /** True when {@code other} is this field or lies inside it. */
    public boolean contains(JsonPointer other) {
        return other.tokens.size() >= tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            text.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }
}
