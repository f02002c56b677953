package io.gitfleet.ui.api;

import java.util.Map;

/** {@code GET /api/v1/status/summary}: the counts behind the overview's tiles. */
public record FleetSummary(Map<String, Long> clusters, Counts assignments, Counts placements, long driftedObjects) {

    /** By roll-up phase and by health. */
    public record Counts(Map<String, Long> byPhase, Map<String, Long> byHealth) {
    }
}
