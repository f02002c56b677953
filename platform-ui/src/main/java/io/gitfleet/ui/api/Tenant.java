package io.gitfleet.ui.api;

import java.util.List;
import java.util.UUID;

/** A team: its name and the namespaces its assignments may write to. */
public record Tenant(UUID id, String name, String displayName, List<String> namespaces) {

    /** What the API takes to create or change one. */
    public record Request(String name, String displayName, List<String> namespaces) {
    }
}
