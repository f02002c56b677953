package io.gitfleet.common.agent;

import java.util.List;

/** An owned object whose live state differs from Git in the fields Gitfleet manages (or that was deleted). */
public record DriftedObject(String group, String kind, String namespace, String name, List<String> fields,
        boolean deleted) {

    public DriftedObject {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
