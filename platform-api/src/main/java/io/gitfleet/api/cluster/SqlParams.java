package io.gitfleet.api.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named parameters for a native query built from user input: values are always bound, never concatenated. */
public final class SqlParams {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Binds {@code value} and returns its placeholder. */
    public String add(Object value) {
        String name = "p" + values.size();
        values.put(name, value);
        return ":" + name;
    }

    public Map<String, Object> values() {
        return values;
    }
}
