package io.gitfleet.api.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Column values of native query rows, whatever Java type the driver chose for them. */
final class Cells {

    private Cells() {
    }

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
            default -> Instant.parse(value.toString());
        };
    }
}
