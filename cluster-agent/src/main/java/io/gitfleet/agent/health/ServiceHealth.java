package io.gitfleet.agent.health;

import java.util.List;

/** A LoadBalancer Service waits for its ingress address; other Services are ready once created. */
final class ServiceHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.isEmpty() && kind.equals("Service");
    }

    @Override
    public HealthAssessment assess(LiveObject s) {
        if ("LoadBalancer".equals(s.string("spec.type").orElse("ClusterIP"))) {
            boolean assigned = s.at("status.loadBalancer.ingress")
                    .filter(List.class::isInstance).map(l -> !((List<?>) l).isEmpty()).orElse(false);
            return assigned ? HealthAssessment.healthy()
                    : HealthAssessment.progressing("waiting for a load balancer address");
        }
        return HealthAssessment.healthy();
    }
}
