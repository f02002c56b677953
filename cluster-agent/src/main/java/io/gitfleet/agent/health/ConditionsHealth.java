package io.gitfleet.agent.health;

/**
 * Any other object, by the conventions kstatus reads: Stalled=True is degraded, Reconciling=True progressing,
 * Ready decides when present, and an object without conditions (a ConfigMap) is healthy once it exists.
 */
final class ConditionsHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return true;
    }

    @Override
    public HealthAssessment assess(LiveObject o) {
        if (o.conditionIs("Stalled", "True")) {
            return HealthAssessment.degraded(o.conditionMessage("Stalled"));
        }
        if (o.conditionIs("Reconciling", "True")) {
            return HealthAssessment.progressing(o.conditionMessage("Reconciling"));
        }
        return o.notYetObserved().orElseGet(() -> {
            if (o.conditionIs("Ready", "False")) {
                return HealthAssessment.degraded(o.conditionMessage("Ready"));
            }
            if (o.condition("Ready").isPresent() && !o.conditionIs("Ready", "True")) {
                return HealthAssessment.progressing(o.conditionMessage("Ready"));
            }
            return HealthAssessment.healthy();
        });
    }
}
