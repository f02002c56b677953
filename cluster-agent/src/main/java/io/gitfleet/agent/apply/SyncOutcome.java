package io.gitfleet.agent.apply;

import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.SyncPhase;
import java.util.List;

/** The result of one sync of one assignment: phase, what happened to each object, and problems by name. */
public record SyncOutcome(SyncPhase phase, List<ObjectChange> changes, List<String> problems,
        List<DriftedObject> drift) {

    public SyncOutcome {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
        drift = List.copyOf(drift);
    }

    public SyncOutcome(SyncPhase phase, List<ObjectChange> changes, List<String> problems) {
        this(phase, changes, problems, List.of());
    }

    static SyncOutcome failed(List<ObjectChange> changes, List<String> problems) {
        return new SyncOutcome(SyncPhase.Failed, changes, problems);
    }
}
