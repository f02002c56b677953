package io.gitfleet.api.agent;

import io.gitfleet.common.agent.DesiredAssignment;
import io.gitfleet.common.selector.LabelSelector;
import java.util.List;
import java.util.Map;

/**
 * Every assignment as agents receive it, with the selector that decides who receives it: loaded once per fleet
 * generation and shared by all agents' desired-state requests, so a change that wakes 10,000 long-polls costs one
 * fleet query plus one cluster lookup each, instead of a fleet query each.
 */
record FleetSnapshot(long generation, List<Entry> entries) {

    record Entry(LabelSelector selector, DesiredAssignment desired) {
    }

    /** The assignments whose selector matches these cluster labels, in a stable order. */
    List<DesiredAssignment> matching(Map<String, String> labels) {
        return entries.stream().filter(e -> e.selector().matches(labels)).map(Entry::desired).toList();
    }
}
