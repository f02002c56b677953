package io.gitfleet.api.rbac;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Roles in ascending power; a role includes every right of the roles before it. */
public enum Role {
    VIEWER("viewer"),
    TENANT_MEMBER("tenant-member"),
    TENANT_ADMIN("tenant-admin"),
    PLATFORM_ADMIN("platform-admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Null when unknown, so validation can name the field instead of failing deserialisation. */
    @JsonCreator
    public static Role fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst().orElse(null);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
