package io.gitfleet.agent.health;

/** All replicas available; a ReplicaFailure condition (quota, admission) is degraded. */
final class ReplicaSetHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.equals("apps") && kind.equals("ReplicaSet");
    }

    @Override
    public HealthAssessment assess(LiveObject r) {
        if (r.conditionIs("ReplicaFailure", "True")) {
            return HealthAssessment.degraded(r.conditionMessage("ReplicaFailure"));
        }
        return r.notYetObserved().orElseGet(() -> {
            long wanted = r.number("spec.replicas", 1);
            long available = r.number("status.availableReplicas", 0);
            return available < wanted
                    ? HealthAssessment.progressing(available + " of " + wanted + " replicas available")
                    : HealthAssessment.healthy();
        });
    }
}
