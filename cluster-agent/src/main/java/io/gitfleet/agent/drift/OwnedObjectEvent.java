package io.gitfleet.agent.drift;

import io.gitfleet.agent.render.ObjectKey;
import java.util.Map;
import java.util.UUID;

/**
 * Something happened to an object an assignment owns: {@code live} is the object now, as a JSON map, or null when
 * it was deleted (or lost the ownership label, which a label-filtered watch reports the same way).
 */
public record OwnedObjectEvent(UUID assignment, ObjectKey key, Map<String, Object> live) {

    public boolean gone() {
        return live == null;
    }
}
