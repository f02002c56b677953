package io.gitfleet.common.agent;

import java.util.List;

/**
 * How the agent treats an assignment: delete objects that left Git ({@code prune}), undo changes made in the
 * cluster ({@code selfHeal}), leave everything as it is ({@code suspend}), take fields over from other field
 * managers when Git changes them ({@code force}), accept an empty render of an assignment that owned objects, which
 * prunes them all ({@code allowEmpty}), and fields the agent neither reports as drift nor changes once the object
 * exists ({@code ignore}).
 */
public record SyncPolicy(boolean prune, boolean selfHeal, boolean suspend, boolean force, boolean allowEmpty,
        List<IgnoreRule> ignore) {

    public static final SyncPolicy DEFAULT = new SyncPolicy(true, false, false);

    public SyncPolicy {
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }

    public SyncPolicy(boolean prune, boolean selfHeal, boolean suspend) {
        this(prune, selfHeal, suspend, false, false, List.of());
    }
}
