package io.gitfleet.agent.apply;

import io.gitfleet.agent.render.ObjectKey;

/** What one sync did to one object, in the vocabulary of Flux's ssa ChangeSet. */
public record ObjectChange(ObjectKey key, Action action, String message) {

    public enum Action {
        CREATED,
        CONFIGURED,
        UNCHANGED,
        DELETED,
        FAILED
    }

    @Override
    public String toString() {
        return key + " " + action.name().toLowerCase() + (message == null ? "" : ": " + message);
    }
}
