package io.gitfleet.common.selector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser for the kubectl selector syntax; errors name the character position. */
final class SelectorParser {

    private final String input;
    private int pos;

    SelectorParser(String input) {
        this.input = input == null ? "" : input;
    }

    LabelSelector parse() {
        Map<String, String> matchLabels = new LinkedHashMap<>();
        List<Requirement> expressions = new ArrayList<>();
        skipSpaces();
        if (atEnd()) {
            return LabelSelector.EVERYTHING;
        }
        while (true) {
            parseRequirement(matchLabels, expressions);
            skipSpaces();
            if (atEnd()) {
                break;
            }
            expect(',');
        }
        return new LabelSelector(matchLabels, expressions).validated();
    }

    private void parseRequirement(Map<String, String> matchLabels, List<Requirement> expressions) {
        skipSpaces();
        if (peek() == '!') {
            pos++;
            expressions.add(Requirement.of(key(), Operator.DoesNotExist));
            return;
        }
        String key = key();
        skipSpaces();
        if (atEnd() || peek() == ',') {
            expressions.add(Requirement.of(key, Operator.Exists));
        } else if (input.startsWith("==", pos)) {
            pos += 2;
            equality(key, matchLabels, expressions);
        } else if (input.startsWith("!=", pos)) {
            pos += 2;
            expressions.add(Requirement.of(key, Operator.NotIn, value()));
        } else if (peek() == '=') {
            pos++;
            equality(key, matchLabels, expressions);
        } else if (word("notin")) {
            expressions.add(new Requirement(key, Operator.NotIn, valueSet()));
        } else if (word("in")) {
            expressions.add(new Requirement(key, Operator.In, valueSet()));
        } else {
            throw error("expected '=', '==', '!=', 'in' or 'notin' after '" + key + "'");
        }
    }

    private void equality(String key, Map<String, String> matchLabels, List<Requirement> expressions) {
        String value = value();
        String earlier = matchLabels.putIfAbsent(key, value);
        if (earlier != null && !earlier.equals(value)) {
            // Two different values for one key can never both hold; keep it as requirements so it matches nothing.
            expressions.add(Requirement.of(key, Operator.In, value));
        }
    }

    private List<String> valueSet() {
        skipSpaces();
        expect('(');
        List<String> values = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            pos++;
            return values;
        }
        while (true) {
            values.add(value());
            skipSpaces();
            if (peek() == ')') {
                pos++;
                return values;
            }
            if (peek() != ',') {
                throw error("expected ',' or ')'");
            }
            pos++;
        }
    }

    private String key() {
        skipSpaces();
        int start = pos;
        while (!atEnd() && isKeyChar(peek())) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a label key");
        }
        return input.substring(start, pos);
    }

    private String value() {
        skipSpaces();
        int start = pos;
        while (!atEnd() && isValueChar(peek())) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private boolean word(String word) {
        if (input.startsWith(word, pos)) {
            int after = pos + word.length();
            if (after == input.length() || input.charAt(after) == ' ' || input.charAt(after) == '(') {
                pos = after;
                return true;
            }
        }
        return false;
    }

    private void expect(char c) {
        skipSpaces();
        if (atEnd() || peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private InvalidSelectorException error(String message) {
        String found = atEnd() ? "end of input" : "'" + peek() + "'";
        return new InvalidSelectorException(
                "invalid selector '" + input + "': " + message + " at position " + pos + ", found " + found);
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/';
    }

    private static boolean isValueChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private char peek() {
        return atEnd() ? '\0' : input.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= input.length();
    }
}
