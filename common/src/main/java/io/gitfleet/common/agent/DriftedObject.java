package io.gitfleet.common.agent;

import java.util.List;

/**
 * An owned object whose live state differs from Git in the fields Gitfleet manages ({@code fields}, JSON pointers
 * such as {@code /spec/replicas}), or that was deleted. {@code healed} says the agent has already put Git's state
 * back (selfHeal), so a status that carries it records that drift happened and was undone.
 */
public record DriftedObject(String group, String kind, String namespace, String name, List<String> fields,
        boolean deleted, boolean healed) {

    public DriftedObject {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public DriftedObject asHealed() {
        return new DriftedObject(group, kind, namespace, name, fields, deleted, true);
    }
}
