package io.gitfleet.common.selector;

import java.util.List;
import java.util.Map;

/** One {@code matchExpressions} entry: {@code key operator values}, with the semantics Kubernetes gives it. */
public record Requirement(String key, Operator operator, List<String> values) {

    public Requirement {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static Requirement of(String key, Operator operator, String... values) {
        return new Requirement(key, operator, List.of(values));
    }

    boolean matches(Map<String, String> labels) {
        boolean present = labels.containsKey(key);
        return switch (operator) {
            case In -> present && values.contains(labels.get(key));
            // As in Kubernetes, a missing label satisfies NotIn.
            case NotIn -> !present || !values.contains(labels.get(key));
            case Exists -> present;
            case DoesNotExist -> !present;
        };
    }

    String problem() {
        if (operator == null) {
            return "operator of '" + key + "' must be one of In, NotIn, Exists, DoesNotExist";
        }
        String keyProblem = Labels.keyProblem(key);
        if (keyProblem != null) {
            return keyProblem;
        }
        if (operator.takesValues() && values.isEmpty()) {
            return "operator " + operator + " on '" + key + "' needs at least one value";
        }
        if (!operator.takesValues() && !values.isEmpty()) {
            return "operator " + operator + " on '" + key + "' takes no values";
        }
        for (String value : values) {
            String valueProblem = Labels.valueProblem(value);
            if (valueProblem != null) {
                return valueProblem;
            }
        }
        return null;
    }

    String toSelectorString() {
        return switch (operator) {
            case In -> key + " in (" + String.join(",", values) + ")";
            case NotIn -> key + " notin (" + String.join(",", values) + ")";
            case Exists -> key;
            case DoesNotExist -> "!" + key;
        };
    }
}
