package io.gitfleet.api.cluster;

import io.gitfleet.common.selector.LabelSelector;
import io.gitfleet.common.selector.Requirement;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a label selector into a SQL predicate on {@code cluster.labels} (jsonb), so that filtering 10,000
 * clusters happens in the database with its GIN index instead of in memory. Equality becomes containment
 * ({@code labels @> jsonb_build_object(k, v)}), which the index serves; existence uses {@code jsonb_exists} because the
 * {@code ?} operator collides with JDBC-style placeholders. Semantics must equal
 * {@link LabelSelector#matches}, which the API tests check against the same rows.
 */
final class SelectorSql {

    private SelectorSql() {
    }

    /** Appends one predicate per requirement to {@code where}; parameters go to {@code params} as {@code :pN}. */
    static void append(LabelSelector selector, List<String> where, SqlParams params) {
        for (Requirement requirement : selector.requirements()) {
            where.add(switch (requirement.operator()) {
                case In -> anyContains(requirement, params);
                case NotIn -> "NOT " + anyContains(requirement, params);
                case Exists -> "jsonb_exists(labels, " + params.add(requirement.key()) + ")";
                case DoesNotExist -> "NOT jsonb_exists(labels, " + params.add(requirement.key()) + ")";
            });
        }
    }

    private static String anyContains(Requirement requirement, SqlParams params) {
        List<String> alternatives = new ArrayList<>();
        for (String value : requirement.values()) {
            // Built in SQL from text parameters: the Vert.x client would bind a Java String for a jsonb
            // parameter as a JSON string scalar, which contains nothing.
            alternatives.add("labels @> jsonb_build_object(cast(" + params.add(requirement.key()) + " as text), cast("
                    + params.add(value) + " as text))");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
