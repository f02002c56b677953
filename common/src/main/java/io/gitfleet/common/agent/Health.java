package io.gitfleet.common.agent;

/** Health of an object or an assignment, in increasing order of concern (as Argo CD's health codes). */
public enum Health {
    Healthy,
    Progressing,
    Degraded,
    Unknown;

    /** The worse of two: an assignment is as healthy as its least healthy object. */
    public Health worst(Health other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
