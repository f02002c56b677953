package io.gitfleet.agent.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only, null-safe access to a live object's fields as the API server returned them (a JSON map). */
record LiveObject(Map<String, Object> body) {

    String apiVersion() {
        return string("apiVersion").orElse("");
    }

    String group() {
        String apiVersion = apiVersion();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    String kind() {
        return string("kind").orElse("");
    }

    Optional<Object> at(String path) {
        Object current = body;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    Optional<String> string(String path) {
        return at(path).map(String::valueOf);
    }

    long number(String path, long otherwise) {
        return at(path).filter(Number.class::isInstance).map(n -> ((Number) n).longValue()).orElse(otherwise);
    }

    /** The {@code status} of condition {@code type} ("True", "False", "Unknown"), if the object reports it. */
    Optional<Map<?, ?>> condition(String type) {
        return at("status.conditions").filter(List.class::isInstance).flatMap(list -> ((List<?>) list).stream()
                .filter(Map.class::isInstance).map(c -> (Map<?, ?>) c)
                .filter(c -> type.equals(c.get("type"))).findFirst());
    }

    boolean conditionIs(String type, String status) {
        return condition(type).map(c -> status.equals(c.get("status"))).orElse(false);
    }

    String conditionMessage(String type) {
        return condition(type).map(c -> c.get("message") != null ? String.valueOf(c.get("message"))
                : String.valueOf(c.get("reason"))).orElse(type);
    }

    /** kstatus' first rule: a controller that has not seen the latest spec has not judged it yet. */
    Optional<HealthAssessment> notYetObserved() {
        long generation = number("metadata.generation", 0);
        long observed = number("status.observedGeneration", -1);
        if (observed >= 0 && observed < generation) {
            return Optional.of(HealthAssessment.progressing(
                    "waiting for the controller to observe generation " + generation));
        }
        return Optional.empty();
    }
}
