package io.gitfleet.ui.api;

import java.util.Map;

/** {@code GET /api/v1/me}: who the API takes the signed-in person for, and their roles. */
public record Me(String name, String platformRole, Map<String, String> tenantRoles) {

    public boolean platformAdmin() {
        return "platform-admin".equals(platformRole);
    }
}
