package io.gitfleet.api.assignment;

import io.gitfleet.common.agent.IgnoreRule;
import java.util.List;

/** An assignment's ignore rules as stored: wrapped in an object because JSON columns bind only as objects. */
public record IgnoreRules(List<IgnoreRule> rules) {

    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    public IgnoreRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
