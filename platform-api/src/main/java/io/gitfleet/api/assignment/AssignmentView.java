package io.gitfleet.api.assignment;

import io.gitfleet.common.agent.SyncPolicy;
import io.gitfleet.common.selector.LabelSelector;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Assignment", example = """
        {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","tenant":"team-a","name":"web","source":"apps",
         "sourceId":"3f2a5b1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c","path":"apps/web","namespace":"team-a-web",
         "selector":{"matchLabels":{"env":"prod"},"matchExpressions":[]},
         "policy":{"prune":true,"selfHeal":true,"suspend":false,"force":false,"allowEmpty":false,
          "ignore":[{"group":"apps","kind":"Deployment","namespace":null,"name":"web","jsonPointers":["/spec/replicas"]}]},"substitutions":{"REPLICAS":"3"},
         "pinnedRevision":null,"generation":4,"createdAt":"2026-11-27T10:00:00Z","updatedAt":"2026-11-27T10:30:00Z"}""")
public record AssignmentView(UUID id, String tenant, String name, String source, UUID sourceId, String path,
        String namespace, LabelSelector selector, SyncPolicy policy, Map<String, String> substitutions,
        String pinnedRevision, long generation, Instant createdAt, Instant updatedAt) {

    static AssignmentView of(Assignment assignment, String tenant, String source) {
        return new AssignmentView(assignment.id, tenant, assignment.name, source, assignment.sourceId,
                assignment.path, assignment.namespace, assignment.selector,
                assignment.policy(),
                Map.copyOf(assignment.substitutions), assignment.pinnedRevision, assignment.generation,
                assignment.createdAt, assignment.updatedAt);
    }
}
