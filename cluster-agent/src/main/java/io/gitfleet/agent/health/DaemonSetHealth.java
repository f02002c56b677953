package io.gitfleet.agent.health;

/** Every scheduled node runs the updated pod and it is available. */
final class DaemonSetHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.equals("apps") && kind.equals("DaemonSet");
    }

    @Override
    public HealthAssessment assess(LiveObject d) {
        return d.notYetObserved().orElseGet(() -> {
            long desired = d.number("status.desiredNumberScheduled", 0);
            long updated = d.number("status.updatedNumberScheduled", 0);
            long available = d.number("status.numberAvailable", 0);
            if (updated < desired) {
                return HealthAssessment.progressing(updated + " of " + desired + " nodes updated");
            }
            if (available < desired) {
                return HealthAssessment.progressing(available + " of " + desired + " nodes available");
            }
            return HealthAssessment.healthy();
        });
    }
}
