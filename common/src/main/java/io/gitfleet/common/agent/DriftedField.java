package io.gitfleet.common.agent;

/**
 * One field of a drifted object, side by side: its JSON pointer, what Git says and what the cluster has, each as
 * compact JSON ({@code null} when the field is absent on that side). Values of Secrets never leave the cluster:
 * the agent sends {@link #HIDDEN} instead. Long values are cut (they end in {@code …}).
 */
public record DriftedField(String path, String git, String live) {

    /** Stands in for a value the agent does not report (Secret data). */
    public static final String HIDDEN = "(hidden)";
}
