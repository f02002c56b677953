package io.gitfleet.agent.health;

/** How to judge the health of one kind; one small class per kind, as Argo CD's gitops-engine keeps them. */
interface HealthRule {

    boolean appliesTo(String group, String kind);

    HealthAssessment assess(LiveObject object);
}
