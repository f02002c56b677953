package io.gitfleet.agent.metrics;

import io.gitfleet.agent.apply.ObjectChange;
import io.gitfleet.agent.apply.SyncOutcome;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.SyncPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What the agent does, for Prometheus: sync duration and outcome per assignment, objects applied and pruned,
 * drift found (and healed), failures. Assignment names are bounded per cluster, so they are fine as a label;
 * object names are not, so they never become one.
 */
public final class SyncMetrics {

    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void synced(String assignment, SyncOutcome outcome, Duration took) {
        Timer.builder("gitfleet.agent.reconcile").description("Duration of one assignment's sync")
                .tag("assignment", assignment).tag("phase", outcome.phase().name())
                .register(registry).record(took);
        for (ObjectChange change : outcome.changes()) {
            switch (change.action()) {
                case CREATED, CONFIGURED -> counter("gitfleet.agent.objects.applied", "Objects written by a sync",
                        assignment, "action", change.action().name().toLowerCase()).increment();
                case DELETED -> counter("gitfleet.agent.objects.pruned", "Objects deleted because they left Git",
                        assignment, "kind", change.key().kind()).increment();
                case FAILED -> counter("gitfleet.agent.object.errors", "Object applies or deletes that failed",
                        assignment, "kind", change.key().kind()).increment();
                case UNCHANGED -> { }
            }
        }
        outcome.drift().forEach(d -> drift(assignment, d));
        if (outcome.phase() == SyncPhase.Failed) {
            counter("gitfleet.agent.sync.errors", "Syncs that ended Failed", assignment, "phase", "Failed")
                    .increment();
        }
    }

    public void drift(String assignment, DriftedObject drift) {
        counter("gitfleet.agent.drift.detected", "Owned objects found changed or deleted outside Git", assignment,
                "healed", Boolean.toString(drift.healed())).increment();
    }

    private Counter counter(String name, String description, String assignment, String tag, String value) {
        return Counter.builder(name).description(description).tag("assignment", assignment).tag(tag, value)
                .register(registry);
    }
}
