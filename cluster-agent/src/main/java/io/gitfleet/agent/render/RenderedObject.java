package io.gitfleet.agent.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** One manifest ready to apply: its key, its full body (as parsed, after substitution and namespacing), its origin. */
public record RenderedObject(ObjectKey key, String apiVersion, Map<String, Object> body, SourceLocation origin) {

    public RenderedObject {
        body = Map.copyOf(body);
    }

    /** The same object with one more label (the render itself stays as Git says). */
    @SuppressWarnings("unchecked")
    public RenderedObject withLabel(String name, String value) {
        Map<String, Object> copy = Trees.deepCopy(body);
        Map<String, Object> metadata = (Map<String, Object>) copy.computeIfAbsent("metadata",
                k -> new LinkedHashMap<>());
        Map<String, Object> labels = metadata.get("labels") instanceof Map<?, ?> existing
                ? (Map<String, Object>) existing : new LinkedHashMap<>();
        labels.put(name, value);
        metadata.put("labels", labels);
        return new RenderedObject(key, apiVersion, copy, origin);
    }

    public RenderedObject withBody(Map<String, Object> newBody) {
        return new RenderedObject(key, apiVersion, newBody, origin);
    }
}
