package io.gitfleet.api.status;

import io.gitfleet.common.agent.Health;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts over the clusters and assignments the caller may see: clusters by state; assignments by their rolled-up
 * phase and health; placements (assignment × target cluster) by phase and health; drifted objects not yet healed.
 */
@Schema(name = "FleetSummary", example = """
        {"clusters":{"Connected":9990,"Offline":10},"assignments":{"byPhase":{"Synced":18,"Unknown":2},
         "byHealth":{"Healthy":18,"Unknown":2}},"placements":{"byPhase":{"Synced":199990,"Unknown":10},
         "byHealth":{"Healthy":199990,"Unknown":10}},"driftedObjects":3}""")
public record FleetSummaryView(Map<String, Long> clusters, Counts assignments, Counts placements,
        long driftedObjects) {

    public record Counts(Map<RollupPhase, Long> byPhase, Map<Health, Long> byHealth) {
    }
}
