package io.gitfleet.common.agent;

/**
 * One field of a drifted object, side by side: its JSON pointer, what Git says and what the cluster has, each as
 * compact JSON ({@code null} when the field is absent on that side). Values of Secrets never leave the cluster:
 * the agent sends {@link #HIDDEN} instead. Long values are cut (they end in {@code …}), and an object with a lot
 * of drift sends only the paths of its later fields ({@link #OMITTED}).
 */
public record DriftedField(String path, String git, String live) {

    /** Stands in for a value the agent does not report (Secret data). */
    public static final String HIDDEN = "(hidden)";

    /** Stands in for values left out because the object's drift was already long. */
    public static final String OMITTED = "(omitted)";
}
