package io.gitfleet.agent.drift;

import io.gitfleet.agent.health.HealthAssessment;
import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.ObjectStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The latest status of every assignment, as the last sync left it and as watches have changed it since: an
 * object's health or drift that changes between syncs is reported at once, without waiting for a resync. Only
 * real changes are passed on, so a watch event that changes nothing sends nothing.
 */
public final class StatusBoard {

    private final Map<UUID, AssignmentStatus> latest = new ConcurrentHashMap<>();
    private final Consumer<AssignmentStatus> sink;

    public StatusBoard(Consumer<AssignmentStatus> sink) {
        this.sink = sink;
    }

    /** A sync's own status replaces whatever the watches added to the previous one. */
    public void publish(AssignmentStatus status) {
        latest.put(status.assignmentId(), status);
        sink.accept(status);
    }

    public void forget(UUID assignment) {
        latest.remove(assignment);
    }

    public Optional<AssignmentStatus> latest(UUID assignment) {
        return Optional.ofNullable(latest.get(assignment));
    }

    /** An owned object's health as a watch just saw it. */
    public synchronized void observed(UUID assignment, ObjectKey key, HealthAssessment health) {
        AssignmentStatus status = latest.get(assignment);
        if (status == null) {
            return;
        }
        List<ObjectStatus> objects = new ArrayList<>(status.inventory());
        boolean changed = false;
        for (int i = 0; i < objects.size(); i++) {
            ObjectStatus object = objects.get(i);
            if (is(key, object.group(), object.kind(), object.namespace(), object.name())
                    && (object.health() != health.health() || !Objects.equals(object.message(), health.message()))) {
                objects.set(i, new ObjectStatus(object.group(), object.kind(), object.namespace(), object.name(),
                        object.action(), health.health(), health.message()));
                changed = true;
            }
        }
        if (changed) {
            publish(status.withInventory(objects));
        }
    }

    /**
     * An owned object checked against Git: drift found (possibly already healed) or none. Healed drift stays in
     * the status until the next sync, so that "drift happened and was undone" is reported even when the heal is
     * quicker than the status can be sent.
     */
    public synchronized void drift(UUID assignment, ObjectKey key, Optional<DriftedObject> found) {
        AssignmentStatus status = latest.get(assignment);
        if (status == null) {
            return;
        }
        List<DriftedObject> drift = new ArrayList<>(status.drift());
        Optional<DriftedObject> previous = drift.stream()
                .filter(d -> is(key, d.group(), d.kind(), d.namespace(), d.name())).findFirst();
        if (found.isPresent()) {
            if (previous.equals(found)) {
                return;
            }
            previous.ifPresent(drift::remove);
            drift.add(found.get());
        } else {
            if (previous.isEmpty() || previous.get().healed()) {
                return;
            }
            drift.remove(previous.get());
        }
        publish(status.withDrift(drift));
    }

    private static boolean is(ObjectKey key, String group, String kind, String namespace, String name) {
        return key.group().equals(group) && key.kind().equals(kind)
                && key.namespace().equals(Objects.requireNonNullElse(namespace, "")) && key.name().equals(name);
    }
}
