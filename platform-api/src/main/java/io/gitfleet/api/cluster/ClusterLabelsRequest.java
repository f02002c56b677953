package io.gitfleet.api.cluster;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.common.selector.Labels;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces a cluster's labels; assignments whose selector now matches (or no longer does) follow at once. */
@Schema(name = "ClusterLabels", example = """
        {"labels":{"env":"prod","region":"eu","gitfleet.io/tier":"gold"}}""")
public record ClusterLabelsRequest(Map<String, String> labels) {

    public static void validate(String field, Map<String, String> labels) {
        Violations violations = new Violations();
        if (labels != null) {
            violations.check(field, labels.size() > 64 ? "must have at most 64 labels" : null);
            labels.forEach((key, value) -> {
                String problem = Labels.keyProblem(key);
                violations.check(field + "." + key, problem != null ? problem : Labels.valueProblem(value));
            });
        }
        violations.throwIfAny();
    }
}
