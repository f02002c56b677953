package io.gitfleet.agent.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.common.agent.DriftedField;
import java.util.List;

/**
 * Turns drifted fields into what the status reports: each side's value as compact JSON, cut at {@link #MAX_CHARS}
 * so one huge list cannot bloat every status message, and Secret data replaced by {@link DriftedField#HIDDEN}:
 * secrets are read by the agent, never sent anywhere.
 */
public final class DriftValues {

    static final int MAX_CHARS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DriftValues() {
    }

    public static List<DriftedField> describe(ObjectKey key, List<FieldDiff.Difference> differences) {
        boolean secret = key.group().isEmpty() && "Secret".equals(key.kind());
        return differences.stream().map(d -> {
            String path = d.path().toString();
            if (secret && !path.startsWith("/metadata/")) {
                return new DriftedField(path, DriftedField.HIDDEN, DriftedField.HIDDEN);
            }
            return new DriftedField(path, json(d.wanted()), json(d.live()));
        }).toList();
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        try {
            text = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            text = String.valueOf(value);
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
