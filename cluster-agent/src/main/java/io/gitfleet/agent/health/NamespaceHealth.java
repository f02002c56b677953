package io.gitfleet.agent.health;

/** Active is healthy; Terminating is on its way out. */
final class NamespaceHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.isEmpty() && kind.equals("Namespace");
    }

    @Override
    public HealthAssessment assess(LiveObject n) {
        return "Terminating".equals(n.string("status.phase").orElse("Active"))
                ? HealthAssessment.progressing("namespace is terminating") : HealthAssessment.healthy();
    }
}
