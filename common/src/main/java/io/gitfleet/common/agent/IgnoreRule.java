package io.gitfleet.common.agent;

import java.util.List;
import java.util.Objects;

/**
 * Fields of some objects that Gitfleet leaves to others, as in Argo CD's {@code ignoreDifferences}: a difference
 * there is not drift, and once the object exists its live value is kept. The object is chosen by {@code group},
 * {@code kind}, {@code namespace} and {@code name}, each matching anything when null; the fields are RFC 6901 JSON
 * pointers such as {@code /spec/replicas}. The typical use: a HorizontalPodAutoscaler owns a Deployment's replicas.
 */
public record IgnoreRule(String group, String kind, String namespace, String name, List<String> jsonPointers) {

    public IgnoreRule {
        jsonPointers = jsonPointers == null ? List.of() : List.copyOf(jsonPointers);
    }

    public boolean selects(String objectGroup, String objectKind, String objectNamespace, String objectName) {
        return (group == null || group.equals(objectGroup)) && (kind == null || kind.equals(objectKind))
                && (namespace == null || namespace.equals(Objects.requireNonNullElse(objectNamespace, "")))
                && (name == null || name.equals(objectName));
    }
}
