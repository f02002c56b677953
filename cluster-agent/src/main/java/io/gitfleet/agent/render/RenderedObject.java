package io.gitfleet.agent.render;

import java.util.Map;

/** One manifest ready to apply: its key, its full body (as parsed, after substitution and namespacing), its origin. */
public record RenderedObject(ObjectKey key, String apiVersion, Map<String, Object> body, SourceLocation origin) {

    public RenderedObject {
        body = Map.copyOf(body);
    }
}
