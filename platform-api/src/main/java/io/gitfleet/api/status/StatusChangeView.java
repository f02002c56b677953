package io.gitfleet.api.status;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusChange", example = """
        {"id":812,"clusterId":"3f2a5b1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c","assignmentId":"7c9e6679-7425-40de-944b-e07fc1f90ae7",
         "at":"2026-11-27T10:30:00Z","kind":"phase","from":"Failed","to":"Synced","detail":null}""")
public record StatusChangeView(long id, UUID clusterId, UUID assignmentId, Instant at, String kind, String from,
        String to, String detail) {
}
