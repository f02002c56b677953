package io.gitfleet.agent.health;

/** Complete is healthy, Failed is degraded, anything else is still running. */
final class JobHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.equals("batch") && kind.equals("Job");
    }

    @Override
    public HealthAssessment assess(LiveObject j) {
        if (j.conditionIs("Failed", "True")) {
            return HealthAssessment.degraded(j.conditionMessage("Failed"));
        }
        if (j.conditionIs("Complete", "True")) {
            return HealthAssessment.healthy();
        }
        return HealthAssessment.progressing(j.number("status.active", 0) + " pod(s) running");
    }
}
