package io.gitfleet.api.assignment;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.common.DnsLabel;
import io.gitfleet.common.selector.LabelSelector;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or replace an assignment. {@code source} names a source of the same tenant. */
@Schema(name = "AssignmentRequest", example = """
        {"tenant":"team-a","name":"web","source":"apps","path":"apps/web","namespace":"team-a-web",
         "selector":{"matchLabels":{"env":"prod"},"matchExpressions":[{"key":"region","operator":"In","values":["eu","us"]}]},
         "policy":{"prune":true,"selfHeal":true,"suspend":false},"substitutions":{"REPLICAS":"3"}}""")
public record AssignmentRequest(String tenant, String name, String source, String path, String namespace,
        LabelSelector selector, PolicyRequest policy, Map<String, String> substitutions) {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    void validate() {
        Violations violations = new Violations()
                .check("tenant", DnsLabel.problem(tenant))
                .check("name", DnsLabel.problem(name))
                .check("source", DnsLabel.problem(source))
                .check("path", AssignmentPaths.problem(path))
                .check("namespace", DnsLabel.problem(namespace))
                .check("selector", selector == null ? "is required ({} selects every cluster)" : selector.problem());
        if (substitutions != null) {
            violations.check("substitutions", substitutions.size() > 100 ? "must have at most 100 entries" : null);
            substitutions.forEach((key, value) -> violations
                    .check("substitutions." + key, VARIABLE.matcher(key).matches() ? null
                            : "variable names are letters, digits and '_', not starting with a digit, at most 63")
                    .check("substitutions." + key, value == null ? "must not be null" : null)
                    .maxLength("substitutions." + key, value, 4096));
        }
        if (policy != null) {
            policy.validate(violations);
        }
        violations.throwIfAny();
    }

    PolicyRequest policyOrDefault() {
        return policy == null ? new PolicyRequest(null, null, null, null, null, null) : policy;
    }
}
