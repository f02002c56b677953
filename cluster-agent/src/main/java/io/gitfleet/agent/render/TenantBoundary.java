package io.gitfleet.agent.render;

import io.gitfleet.common.NamespacePattern;
import java.util.List;

/**
 * A tenant's assignment may only touch its own namespaces: namespaced objects in a namespace matching one of the
 * tenant's names or {@code *} globs, and Namespace objects with such a name. Any other cluster-scoped object needs
 * the tenant to own {@code *} (a platform tenant). The globs are {@link NamespacePattern}, shared with the control plane.
 */
final class TenantBoundary {

    private TenantBoundary() {
    }

    /** Why {@code key} is outside the tenant's boundary, or null when it is inside. */
    static String problem(ObjectKey key, boolean namespaced, List<String> tenantNamespaces) {
        if (tenantNamespaces.contains("*")) {
            return null;
        }
        if (namespaced) {
            return NamespacePattern.anyMatches(tenantNamespaces, key.namespace()) ? null
                    : key + " is in namespace '" + key.namespace() + "', which is not one of the tenant's "
                            + tenantNamespaces;
        }
        if (key.group().isEmpty() && key.kind().equals("Namespace")) {
            return NamespacePattern.anyMatches(tenantNamespaces, key.name()) ? null
                    : "Namespace '" + key.name() + "' is not one of the tenant's " + tenantNamespaces;
        }
        return "cluster-scoped " + key + " is not allowed for a tenant without '*' namespaces";
    }
}
