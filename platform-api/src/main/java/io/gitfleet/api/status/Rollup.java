package io.gitfleet.api.status;

import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.SyncPhase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The honest roll-up of an assignment over its targets (fleet#1478 is what happens otherwise): a target counts as
 * Synced only when its agent reported the assignment's current generation applied at the desired revision; a
 * target that never reported, or reported an older generation or revision, is Pending; an Offline or revoked
 * cluster is Unknown whatever it last said. The assignment is Synced + Healthy only if every target is.
 */
public final class Rollup {

    private Rollup() {
    }

    /** What was stored for one target (null fields when the agent never reported this assignment). */
    public record Target(ClusterState clusterState, Long generation, String appliedRevision, SyncPhase phase,
            Health health) {

        boolean reported() {
            return phase != null;
        }
    }

    public record Verdict(RollupPhase phase, Health health, String reason) {
    }

    public record Summary(RollupPhase phase, Health health, Map<RollupPhase, Long> byPhase,
            Map<Health, Long> byHealth) {
    }

    /** A verdict and how many targets share it (counts are grouped in the database). */
    public record Counted(Verdict verdict, long count) {
    }

    /** One target's verdict, for an assignment at {@code generation} whose desired revision may be unknown. */
    public static Verdict of(Target target, long generation, String desiredRevision, boolean suspended) {
        if (target.clusterState() == ClusterState.Offline || target.clusterState() == ClusterState.Revoked) {
            return new Verdict(RollupPhase.Unknown, Health.Unknown, "cluster is " + target.clusterState());
        }
        if (suspended) {
            return new Verdict(RollupPhase.Suspended, target.reported() ? target.health() : Health.Unknown,
                    "assignment is suspended");
        }
        if (!target.reported()) {
            return new Verdict(RollupPhase.Pending, Health.Unknown, "no report from the cluster yet");
        }
        if (target.generation() < generation) {
            return new Verdict(RollupPhase.Pending, Health.Unknown, "cluster reported generation "
                    + target.generation() + ", current is " + generation);
        }
        if (target.phase() == SyncPhase.Failed) {
            return new Verdict(RollupPhase.Failed, target.health(), "sync failed on the cluster");
        }
        if (target.phase() != SyncPhase.Synced) {
            return new Verdict(RollupPhase.Pending, target.health(), "cluster reports " + target.phase());
        }
        if (desiredRevision != null && !Objects.equals(desiredRevision, target.appliedRevision())) {
            return new Verdict(RollupPhase.Pending, Health.Unknown, "cluster applied "
                    + target.appliedRevision() + ", desired is " + desiredRevision);
        }
        return new Verdict(RollupPhase.Synced, target.health(), null);
    }

    public static Summary summarize(List<Verdict> verdicts, boolean suspended) {
        return summarizeCounted(verdicts.stream().map(v -> new Counted(v, 1)).toList(), suspended);
    }

    public static Summary summarizeCounted(List<Counted> verdicts, boolean suspended) {
        Map<RollupPhase, Long> byPhase = new EnumMap<>(RollupPhase.class);
        Map<Health, Long> byHealth = new EnumMap<>(Health.class);
        boolean none = verdicts.stream().allMatch(c -> c.count() == 0);
        RollupPhase phase = none ? RollupPhase.NoTargets : suspended ? RollupPhase.Suspended : RollupPhase.Synced;
        Health health = none ? Health.Unknown : Health.Healthy;
        for (Counted counted : verdicts) {
            Verdict verdict = counted.verdict();
            byPhase.merge(verdict.phase(), counted.count(), Long::sum);
            byHealth.merge(verdict.health(), counted.count(), Long::sum);
            if (verdict.phase().compareTo(phase) > 0) {
                phase = verdict.phase();
            }
            health = health.worst(verdict.health());
        }
        return new Summary(phase, health, byPhase, byHealth);
    }
}
