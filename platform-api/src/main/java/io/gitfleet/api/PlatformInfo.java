package io.gitfleet.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a client learns from {@code GET /api/v1/info}: which Gitfleet it talks to. */
public record PlatformInfo(String product, String version, UUID installationId, OffsetDateTime installedAt) {
}
