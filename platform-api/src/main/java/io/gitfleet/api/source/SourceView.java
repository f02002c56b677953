package io.gitfleet.api.source;

import io.gitfleet.api.web.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as the API shows it: whether credentials exist and of what kind, never the credentials. */
@Schema(name = "Source", example = """
        {"id":"3f2a...","tenant":"team-a","name":"apps","url":"https://git.example.com/team-a/apps.git","ref":"main",
         "pollInterval":"1m","credentialKind":"https-token","resolvedRevision":"9fceb02d0ae598e95dc970b74767f19372d61af8",
         "resolvedAt":"2026-11-27T10:00:00Z","lastError":null}""")
public record SourceView(UUID id, String tenant, String name, String url, String ref, String pollInterval,
        String credentialKind, String resolvedRevision, Instant resolvedAt, String lastError, Instant createdAt,
        Instant updatedAt) {

    static SourceView of(GitSource source, String tenantName) {
        return new SourceView(source.id, tenantName, source.name, source.url, source.ref,
                Durations.format(Duration.ofSeconds(source.pollIntervalSeconds)),
                source.credentialKind, source.resolvedRevision, source.resolvedAt, source.lastError,
                source.createdAt, source.updatedAt);
    }
}
