package io.gitfleet.api.status;

/** Why a status message changed nothing; each is a metric label, the trust failures are also audited. */
public enum DropReason {
    /** Not JSON, or not an envelope: goes to the dead-letter topic. */
    MALFORMED(true, false),
    /** A schema version or message type this control plane does not know: dead-letter topic. */
    UNKNOWN_SCHEMA(true, false),
    /** The tag does not verify with the cluster's current credential (or the key names another cluster). */
    FORGED(false, true),
    /** No such cluster (deleted, or never registered). */
    UNKNOWN_CLUSTER(false, true),
    /** The cluster is revoked: its agent must not change anything any more. */
    REVOKED(false, true),
    /** The sequence is not newer than the last accepted one: a replay, a redelivery or an old message. */
    STALE(false, false);

    private final boolean deadLetter;
    private final boolean audited;

    DropReason(boolean deadLetter, boolean audited) {
        this.deadLetter = deadLetter;
        this.audited = audited;
    }

    public boolean deadLetter() {
        return deadLetter;
    }

    public boolean audited() {
        return audited;
    }

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
