package io.gitfleet.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.agent.apply.ObjectChange;
import io.gitfleet.agent.apply.SyncOutcome;
import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.SyncPhase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SyncMetrics metrics = new SyncMetrics(registry);

    @Test
    void countsWhatEachSyncDidPerAssignment() {
        ObjectKey a = new ObjectKey("", "ConfigMap", "web", "a");
        ObjectKey b = new ObjectKey("apps", "Deployment", "web", "b");
        metrics.synced("web", new SyncOutcome(SyncPhase.Synced, List.of(
                new ObjectChange(a, ObjectChange.Action.CREATED, null),
                new ObjectChange(b, ObjectChange.Action.CONFIGURED, null),
                new ObjectChange(a, ObjectChange.Action.UNCHANGED, null),
                new ObjectChange(b, ObjectChange.Action.DELETED, null)), List.of(),
                List.of(new DriftedObject("", "ConfigMap", "web", "a", List.of("/data/x"), false, true))),
                Duration.ofMillis(250));
        metrics.synced("web", new SyncOutcome(SyncPhase.Failed, List.of(
                new ObjectChange(a, ObjectChange.Action.FAILED, "conflict")), List.of("conflict")),
                Duration.ofMillis(50));

        assertThat(registry.get("gitfleet.agent.objects.applied").tag("assignment", "web").counters())
                .extracting(c -> c.getId().getTag("action") + "=" + (int) c.count())
                .containsExactlyInAnyOrder("created=1", "configured=1");
        assertThat(registry.get("gitfleet.agent.objects.pruned").tag("kind", "Deployment").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("gitfleet.agent.drift.detected").tag("healed", "true").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("gitfleet.agent.sync.errors").counter().count()).isEqualTo(1);
        assertThat(registry.get("gitfleet.agent.object.errors").counter().count()).isEqualTo(1);
        assertThat(registry.get("gitfleet.agent.reconcile").tag("phase", "Synced").timer().totalTime(
                java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(250);
    }
}
