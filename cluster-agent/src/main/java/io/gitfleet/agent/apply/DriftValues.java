package io.gitfleet.agent.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.common.agent.DriftedField;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns drifted fields into what the status reports: each side's value as compact JSON, cut at {@link #MAX_CHARS},
 * and at most {@link #MAX_OBJECT_CHARS} of values per object (later fields keep their path, their values become
 * {@link DriftedField#OMITTED}) so drift cannot push a status message past Kafka's message size. Secret data is
 * replaced by {@link DriftedField#HIDDEN}: secrets are read by the agent, never sent anywhere.
 */
public final class DriftValues {

    static final int MAX_CHARS = 1_000;
    static final int MAX_OBJECT_CHARS = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DriftValues() {
    }

    public static List<DriftedField> describe(ObjectKey key, List<FieldDiff.Difference> differences) {
        boolean secret = key.group().isEmpty() && "Secret".equals(key.kind());
        List<DriftedField> fields = new ArrayList<>(differences.size());
        int budget = MAX_OBJECT_CHARS;
        for (FieldDiff.Difference difference : differences) {
            String path = difference.path().toString();
            if (secret && !path.startsWith("/metadata/")) {
                fields.add(new DriftedField(path, DriftedField.HIDDEN, DriftedField.HIDDEN));
                continue;
            }
            String git = json(difference.wanted());
            String live = json(difference.live());
            budget -= length(git) + length(live);
            fields.add(budget >= 0 ? new DriftedField(path, git, live)
                    : new DriftedField(path, DriftedField.OMITTED, DriftedField.OMITTED));
        }
        return fields;
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
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(MAX_CHARS - 2)) ? MAX_CHARS - 2 : MAX_CHARS - 1;
        return text.substring(0, cut) + "…";
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
