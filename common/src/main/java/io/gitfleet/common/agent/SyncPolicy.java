package io.gitfleet.common.agent;

/**
 * How the agent treats an assignment: delete objects that left Git ({@code prune}), undo changes made in the
 * cluster ({@code selfHeal}), or leave everything as it is ({@code suspend}).
 */
public record SyncPolicy(boolean prune, boolean selfHeal, boolean suspend) {

    public static final SyncPolicy DEFAULT = new SyncPolicy(true, false, false);
}
