package io.gitfleet.api.web;

import io.gitfleet.api.problem.InvalidInputProblem;

/** An empty request body reaches resources as null; it gets a named error, not a NullPointerException. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw InvalidInputProblem.of("body", "a JSON request body is required");
        }
        return body;
    }
}
