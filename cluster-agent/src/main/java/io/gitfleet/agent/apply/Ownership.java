package io.gitfleet.agent.apply;

import io.gitfleet.agent.render.RenderedObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every applied object carries the id of the assignment that owns it in a label, the way Flux labels objects with
 * their Kustomization: one label-filtered watch per kind then sees exactly the objects Gitfleet manages, and an
 * event names its assignment without any lookup.
 */
public final class Ownership {

    public static final String ASSIGNMENT_LABEL = "gitfleet.io/assignment";

    private Ownership() {
    }

    public static List<RenderedObject> label(UUID assignment, List<RenderedObject> objects) {
        return objects.stream().map(o -> o.withLabel(ASSIGNMENT_LABEL, assignment.toString())).toList();
    }

    /** The owning assignment named by a live object's labels, if it has a well-formed one. */
    public static Optional<UUID> owner(java.util.Map<String, String> labels) {
        String value = labels == null ? null : labels.get(ASSIGNMENT_LABEL);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
