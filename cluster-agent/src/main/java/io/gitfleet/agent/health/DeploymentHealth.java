package io.gitfleet.agent.health;

/** Rolled out when every replica is updated and available and no old replica remains. */
final class DeploymentHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.equals("apps") && kind.equals("Deployment");
    }

    @Override
    public HealthAssessment assess(LiveObject d) {
        if (d.condition("Progressing").map(c -> "ProgressDeadlineExceeded".equals(c.get("reason"))).orElse(false)) {
            return HealthAssessment.degraded("rollout exceeded its progress deadline");
        }
        return d.notYetObserved().orElseGet(() -> {
            long wanted = d.number("spec.replicas", 1);
            long updated = d.number("status.updatedReplicas", 0);
            long total = d.number("status.replicas", 0);
            long available = d.number("status.availableReplicas", 0);
            if (updated < wanted) {
                return HealthAssessment.progressing(updated + " of " + wanted + " replicas updated");
            }
            if (total > updated) {
                return HealthAssessment.progressing((total - updated) + " old replicas pending termination");
            }
            if (available < updated) {
                return HealthAssessment.progressing(available + " of " + updated + " updated replicas available");
            }
            return HealthAssessment.healthy();
        });
    }
}
