package io.gitfleet.api.status;

import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What changed between the stored status of an assignment on a cluster and a newer one: the history keeps
 * transitions, not every report, so a fleet that resyncs every few minutes does not flood it.
 */
final class Transitions {

    private Transitions() {
    }

    /** The stored facts transitions are computed from (null fields when nothing was stored yet). */
    record Previous(String phase, String health, String appliedRevision, Set<String> drifted, Set<String> healed) {
    }

    static List<StatusChange> between(UUID cluster, Previous previous, AssignmentStatus next, Instant at) {
        List<StatusChange> changes = new ArrayList<>();
        UUID assignment = next.assignmentId();
        Previous before = previous == null ? new Previous(null, null, null, Set.of(), Set.of()) : previous;
        add(changes, cluster, assignment, at, StatusChange.PHASE, before.phase(), next.phase().name());
        add(changes, cluster, assignment, at, StatusChange.HEALTH, before.health(), next.health().name());
        if (next.appliedRevision() != null) {
            add(changes, cluster, assignment, at, StatusChange.REVISION, before.appliedRevision(),
                    next.appliedRevision());
        }
        Set<String> drifted = names(next.drift(), false);
        Set<String> healed = names(next.drift(), true);
        Set<String> newlyDrifted = drifted.stream().filter(d -> !before.drifted().contains(d))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> newlyHealed = healed.stream().filter(d -> !before.healed().contains(d))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!newlyDrifted.isEmpty()) {
            changes.add(new StatusChange(cluster, assignment, at, StatusChange.DRIFT_FOUND, null,
                    String.valueOf(drifted.size()), String.join(", ", newlyDrifted)));
        }
        if (!newlyHealed.isEmpty()) {
            changes.add(new StatusChange(cluster, assignment, at, StatusChange.DRIFT_HEALED, null,
                    String.valueOf(newlyHealed.size()), String.join(", ", newlyHealed)));
        }
        return changes;
    }

    /** {@code kind/namespace/name} of drifted objects, healed or not; the identity history and the UI show. */
    static Set<String> names(List<DriftedObject> drift, boolean healed) {
        return drift.stream().filter(d -> d.healed() == healed)
                .map(d -> d.kind() + "/" + (d.namespace() == null || d.namespace().isEmpty() ? "" : d.namespace()
                        + "/") + d.name())
                .collect(Collectors.toSet());
    }

    private static void add(List<StatusChange> changes, UUID cluster, UUID assignment, Instant at, String kind,
            String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(new StatusChange(cluster, assignment, at, kind, from, to, null));
        }
    }
}
