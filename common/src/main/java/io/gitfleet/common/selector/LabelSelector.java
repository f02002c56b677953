package io.gitfleet.common.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes label selector: every {@code matchLabels} entry and every {@code matchExpressions} requirement must
 * hold. The empty selector matches every cluster, as in Kubernetes. Both the control plane (which clusters an
 * assignment targets) and the console use this one matcher, so they can never disagree.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

    public LabelSelector {
        matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    }

    /** Parses the string form used by {@code kubectl -l}: {@code env=prod,region in (eu,us),!canary}. */
    public static LabelSelector parse(String selector) {
        return new SelectorParser(selector).parse();
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
            if (!wanted.getValue().equals(actual.get(wanted.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : matchExpressions) {
            if (!requirement.matches(actual)) {
                return false;
            }
        }
        return true;
    }

    /** The first reason Kubernetes would reject this selector, or null. */
    public String problem() {
        String labels = Labels.problem(matchLabels);
        if (labels != null) {
            return labels;
        }
        for (Requirement requirement : matchExpressions) {
            if (requirement == null) {
                return "matchExpressions must not contain null entries";
            }
            String problem = requirement.problem();
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Throws {@link InvalidSelectorException} when {@link #problem()} finds one. */
    public LabelSelector validated() {
        String problem = problem();
        if (problem != null) {
            throw new InvalidSelectorException(problem);
        }
        return this;
    }

    /** All requirements, matchLabels first as {@code In} with one value, in a stable order. */
    public List<Requirement> requirements() {
        List<Requirement> all = new ArrayList<>();
        new TreeMap<>(matchLabels).forEach((key, value) -> all.add(Requirement.of(key, Operator.In, value)));
        all.addAll(matchExpressions);
        return all;
    }

    /** The kubectl string form; {@code parse(toString())} yields an equivalent selector. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(matchLabels).forEach((key, value) -> parts.add(key + "=" + value));
        matchExpressions.forEach(requirement -> parts.add(requirement.toSelectorString()));
        return String.join(",", parts);
    }
}
