package io.gitfleet.ui.api;

/** The credentials of whoever the current UI belongs to; the typed API facades call on their behalf only. */
public interface CurrentCredentials {

    /** The signed-in person's credentials, or an {@link ApiProblem} (401) when nobody is signed in. */
    ApiCredentials require();
}
