package io.gitfleet.agent.health;

/** Established is healthy; names not accepted (a clash with another CRD) is degraded. */
final class CustomResourceDefinitionHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.equals("apiextensions.k8s.io") && kind.equals("CustomResourceDefinition");
    }

    @Override
    public HealthAssessment assess(LiveObject c) {
        if (c.conditionIs("NamesAccepted", "False")) {
            return HealthAssessment.degraded(c.conditionMessage("NamesAccepted"));
        }
        return c.conditionIs("Established", "True") ? HealthAssessment.healthy()
                : HealthAssessment.progressing("waiting for the definition to be established");
    }
}
