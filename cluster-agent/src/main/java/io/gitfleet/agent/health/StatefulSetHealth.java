package io.gitfleet.agent.health;

/** Ready replicas and, for rolling updates, the current revision caught up with the update revision. */
final class StatefulSetHealth implements HealthRule {

    @Override
    public boolean appliesTo(String group, String kind) {
        return group.equals("apps") && kind.equals("StatefulSet");
    }

    @Override
    public HealthAssessment assess(LiveObject s) {
        return s.notYetObserved().orElseGet(() -> {
            long wanted = s.number("spec.replicas", 1);
            long ready = s.number("status.readyReplicas", 0);
            if (ready < wanted) {
                return HealthAssessment.progressing(ready + " of " + wanted + " replicas ready");
            }
            boolean rolling = !"OnDelete".equals(s.string("spec.updateStrategy.type").orElse("RollingUpdate"));
            String current = s.string("status.currentRevision").orElse("");
            String update = s.string("status.updateRevision").orElse(current);
            if (rolling && !current.equals(update)) {
                return HealthAssessment.progressing("rolling update to revision " + update + " in progress");
            }
            return HealthAssessment.healthy();
        });
    }
}
