package io.gitfleet.agent.render;

import java.util.Optional;

/**
 * Whether a kind is namespaced. Rendering asks this instead of the API server so it stays pure; the agent backs it
 * with discovery, tests with a table.
 */
@FunctionalInterface
public interface ResourceScopes {

    /** Empty when the kind is unknown (neither built in nor defined by a CRD in the same render). */
    Optional<Boolean> isNamespaced(String apiVersion, String kind);
}
