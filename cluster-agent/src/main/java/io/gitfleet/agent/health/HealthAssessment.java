package io.gitfleet.agent.health;

import io.gitfleet.common.agent.Health;

/** A health verdict and the reason a person would want to read. */
public record HealthAssessment(Health health, String message) {

    static HealthAssessment healthy() {
        return new HealthAssessment(Health.Healthy, null);
    }

    static HealthAssessment progressing(String message) {
        return new HealthAssessment(Health.Progressing, message);
    }

    static HealthAssessment degraded(String message) {
        return new HealthAssessment(Health.Degraded, message);
    }
}
