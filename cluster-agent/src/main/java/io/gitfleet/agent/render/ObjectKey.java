package io.gitfleet.agent.render;

/**
 * Identity of a Kubernetes object in an inventory: API group (empty for core), kind, namespace (empty for
 * cluster-scoped) and name. The version is not part of it: one object served at two versions is one object.
 */
public record ObjectKey(String group, String kind, String namespace, String name) implements Comparable<ObjectKey> {

    public static ObjectKey of(String apiVersion, String kind, String namespace, String name) {
        int slash = apiVersion.indexOf('/');
        return new ObjectKey(slash < 0 ? "" : apiVersion.substring(0, slash), kind,
                namespace == null ? "" : namespace, name);
    }

    @Override
    public int compareTo(ObjectKey other) {
        return toString().compareTo(other.toString());
    }

    /** {@code kind.group/namespace/name}, as Flux prints objects in its messages. */
    @Override
    public String toString() {
        String type = group.isEmpty() ? kind : kind + "." + group;
        return namespace.isEmpty() ? type + "/" + name : type + "/" + namespace + "/" + name;
    }
}
