package io.gitfleet.agent.drift;

import io.gitfleet.agent.apply.IgnoredFields;
import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.agent.render.RenderedObject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an assignment's objects must look like (as last applied, labelled) and how drift in them is treated. */
public record WatchedAssignment(String name, Map<ObjectKey, RenderedObject> objects, boolean selfHeal,
        IgnoredFields ignored) {

    public WatchedAssignment {
        objects = Map.copyOf(objects);
    }

    public static WatchedAssignment of(String name, java.util.List<RenderedObject> objects, boolean selfHeal,
            IgnoredFields ignored) {
        return new WatchedAssignment(name, objects.stream().collect(Collectors.toMap(RenderedObject::key,
                Function.identity(), (a, b) -> b)), selfHeal, ignored);
    }
}
