package io.gitfleet.api.cluster;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.common.selector.InvalidSelectorException;
import io.gitfleet.common.selector.LabelSelector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The validated {@code ?name=&state=&selector=&sort=} of a cluster list, and its SQL. */
public record ClusterFilter(String nameContains, Set<ClusterState> states, LabelSelector selector, String sortColumn,
        boolean descending) {

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "name",
            "state", "state",
            "createdAt", "created_at",
            "lastHeartbeatAt", "last_heartbeat_at");

    public static ClusterFilter parse(String name, String state, String selector, String sort) {
        Violations violations = new Violations().maxLength("name", name, 63);
        Set<ClusterState> states = EnumSet.noneOf(ClusterState.class);
        if (state != null && !state.isBlank()) {
            for (String one : state.split(",")) {
                ClusterState parsed = ClusterState.parseOrNull(one.trim());
                violations.check("state", parsed == null
                        ? "'" + one.trim() + "' is not one of Pending, Connected, Offline, Revoked" : null);
                if (parsed != null) {
                    states.add(parsed);
                }
            }
        }
        LabelSelector parsedSelector = LabelSelector.EVERYTHING;
        try {
            parsedSelector = LabelSelector.parse(selector);
        } catch (InvalidSelectorException e) {
            violations.check("selector", e.getMessage());
        }
        String sortKey = sort == null || sort.isBlank() ? "name" : sort.trim();
        boolean descending = sortKey.startsWith("-");
        String column = SORTABLE.get(descending ? sortKey.substring(1) : sortKey);
        violations.check("sort", column == null ? "must be one of " + SORTABLE.keySet() + ", optionally prefixed '-'" : null);
        violations.throwIfAny();
        return new ClusterFilter(name == null || name.isBlank() ? null : name, states, parsedSelector, column,
                descending);
    }

    public static ClusterFilter matching(LabelSelector selector) {
        return new ClusterFilter(null, Set.of(), selector, "name", false);
    }

    /** {@code WHERE ...} (or empty) with its parameters bound into {@code params}. */
    public String where(SqlParams params) {
        List<String> predicates = new ArrayList<>();
        if (nameContains != null) {
            String escaped = nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            predicates.add("name LIKE " + params.add("%" + escaped + "%"));
        }
        if (!states.isEmpty()) {
            predicates.add("state IN (" + String.join(", ",
                    states.stream().map(s -> params.add(s.name())).toList()) + ")");
        }
        SelectorSql.append(selector, predicates, params);
        return predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates);
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        // NULLS LAST keeps never-seen clusters at the end either way; id breaks ties so pages never overlap.
        return " ORDER BY " + sortColumn + direction + " NULLS LAST, id";
    }
}
