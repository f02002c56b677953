package io.gitfleet.common.agent;

import java.util.List;

/**
 * An owned object whose live state differs from Git in the fields Gitfleet manages ({@code fields}, JSON pointers
 * such as {@code /spec/replicas}), or that was deleted. {@code healed} says the agent has already put Git's state
 * back (selfHeal), so a status that carries it records that drift happened and was undone. {@code differences}
 * carry each field's Git and live values, for a side-by-side view.
 */
public record DriftedObject(String group, String kind, String namespace, String name, List<String> fields,
        boolean deleted, boolean healed, List<DriftedField> differences) {

    public DriftedObject {
        fields = fields == null ? List.of() : List.copyOf(fields);
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** Without values (a deleted object, or an agent that sends only the paths). */
    public DriftedObject(String group, String kind, String namespace, String name, List<String> fields,
            boolean deleted, boolean healed) {
        this(group, kind, namespace, name, fields, deleted, healed, List.of());
    }

    public DriftedObject asHealed() {
        return new DriftedObject(group, kind, namespace, name, fields, deleted, true, differences);
    }
}
