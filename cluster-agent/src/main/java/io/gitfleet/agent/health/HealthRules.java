package io.gitfleet.agent.health;

import java.util.List;
import java.util.Map;

/** Picks the rule for an object's kind (the conditions rule when no specific one applies) and judges it. */
public final class HealthRules {

    private final List<HealthRule> rules = List.of(new DeploymentHealth(), new StatefulSetHealth(),
            new DaemonSetHealth(), new ReplicaSetHealth(), new JobHealth(), new PersistentVolumeClaimHealth(),
            new ServiceHealth(), new NamespaceHealth(), new CustomResourceDefinitionHealth(), new ConditionsHealth());

    /** {@code live} is the object as the API server returns it, as a JSON map. */
    public HealthAssessment assess(Map<String, Object> live) {
        LiveObject object = new LiveObject(live);
        return rules.stream().filter(rule -> rule.appliesTo(object.group(), object.kind())).findFirst()
                .orElseThrow().assess(object);
    }
}
