package io.gitfleet.api.assignment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sync policy; absent fields take the defaults prune=true, selfHeal=false, suspend=false. */
@Schema(name = "SyncPolicy", example = """
        {"prune":true,"selfHeal":true,"suspend":false}""")
public record PolicyRequest(Boolean prune, Boolean selfHeal, Boolean suspend) {

    boolean pruneOrDefault() {
        return prune == null || prune;
    }

    boolean selfHealOrDefault() {
        return selfHeal != null && selfHeal;
    }

    boolean suspendOrDefault() {
        return suspend != null && suspend;
    }
}
