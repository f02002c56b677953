package io.gitfleet.agent.health;

/** Bound is healthy, Lost is degraded, Pending waits for a volume. */
final class PersistentVolumeClaimHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.isEmpty() && kind.equals("PersistentVolumeClaim");
    }

    @Override
    public HealthAssessment assess(LiveObject p) {
        String phase = p.string("status.phase").orElse("Pending");
        return switch (phase) {
            case "Bound" -> HealthAssessment.healthy();
            case "Lost" -> HealthAssessment.degraded("the bound volume is lost");
            default -> HealthAssessment.progressing("waiting for a volume (" + phase + ")");
        };
    }
}
