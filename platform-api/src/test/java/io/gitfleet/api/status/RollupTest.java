package io.gitfleet.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.SyncPhase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The roll-up truth table: never "fine" unless every target proved it is. Assignment at generation 3, rev "r2". */
class RollupTest {

    @ParameterizedTest(name = "{0} gen={1} rev={2} {3}/{4} suspended={5} -> {6}/{7}")
    @CsvSource(nullValues = "-", value = {
            // cluster,  generation, applied, phase,   health,     suspended, expected phase, expected health
            "Connected,  3,          r2,      Synced,  Healthy,    false,     Synced,         Healthy",
            "Connected,  3,          r2,      Synced,  Degraded,   false,     Synced,         Degraded",
            "Connected,  3,          r2,      Synced,  Progressing, false,    Synced,         Progressing",
            "Connected,  -,          -,       -,       -,          false,     Pending,        Unknown",
            "Connected,  2,          r2,      Synced,  Healthy,    false,     Pending,        Unknown",
            "Connected,  3,          r1,      Synced,  Healthy,    false,     Pending,        Unknown",
            "Connected,  3,          r2,      Failed,  Healthy,    false,     Failed,         Healthy",
            "Connected,  3,          r1,      Failed,  Degraded,   false,     Failed,         Degraded",
            "Connected,  3,          r2,      Applying, Progressing, false,   Pending,        Progressing",
            "Offline,    3,          r2,      Synced,  Healthy,    false,     Unknown,        Unknown",
            "Revoked,    3,          r2,      Synced,  Healthy,    false,     Unknown,        Unknown",
            "Offline,    -,          -,       -,       -,          false,     Unknown,        Unknown",
            "Connected,  3,          r2,      Synced,  Healthy,    true,      Suspended,      Healthy",
            "Connected,  -,          -,       -,       -,          true,      Suspended,      Unknown",
            "Pending,    -,          -,       -,       -,          false,     Pending,        Unknown"})
    void targetVerdicts(ClusterState cluster, Long generation, String applied, SyncPhase phase, Health health,
            boolean suspended, RollupPhase expectedPhase, Health expectedHealth) {
        Rollup.Verdict verdict = Rollup.of(new Rollup.Target(cluster, generation, applied, phase, health), 3, "r2",
                suspended);
        assertThat(verdict.phase()).isEqualTo(expectedPhase);
        assertThat(verdict.health()).isEqualTo(expectedHealth);
    }

    @Test
    void anUnknownDesiredRevisionIsJudgedByGenerationAlone() {
        assertThat(Rollup.of(new Rollup.Target(ClusterState.Connected, 3L, "anything", SyncPhase.Synced,
                Health.Healthy), 3, null, false).phase()).isEqualTo(RollupPhase.Synced);
    }

    @Test
    void theAssignmentIsAsGoodAsItsWorstTarget() {
        Rollup.Verdict fine = new Rollup.Verdict(RollupPhase.Synced, Health.Healthy, null);
        Rollup.Verdict waiting = new Rollup.Verdict(RollupPhase.Pending, Health.Unknown, "no report");
        Rollup.Verdict failed = new Rollup.Verdict(RollupPhase.Failed, Health.Degraded, "failed");
        Rollup.Verdict offline = new Rollup.Verdict(RollupPhase.Unknown, Health.Unknown, "offline");

        assertThat(Rollup.summarize(List.of(fine, fine), false)).extracting(Rollup.Summary::phase,
                Rollup.Summary::health).containsExactly(RollupPhase.Synced, Health.Healthy);
        assertThat(Rollup.summarize(List.of(fine, waiting), false).phase()).isEqualTo(RollupPhase.Pending);
        assertThat(Rollup.summarize(List.of(fine, waiting, failed), false)).extracting(Rollup.Summary::phase,
                Rollup.Summary::health).containsExactly(RollupPhase.Failed, Health.Unknown);
        assertThat(Rollup.summarize(List.of(fine, failed, offline), false).phase()).isEqualTo(RollupPhase.Unknown);
        assertThat(Rollup.summarize(List.of(), false)).extracting(Rollup.Summary::phase, Rollup.Summary::health)
                .containsExactly(RollupPhase.NoTargets, Health.Unknown);
        assertThat(Rollup.summarize(List.of(fine, waiting, fine), false).byPhase())
                .containsEntry(RollupPhase.Synced, 2L).containsEntry(RollupPhase.Pending, 1L);
    }
}
