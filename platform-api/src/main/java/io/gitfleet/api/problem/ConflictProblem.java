package io.gitfleet.api.problem;

/** The request is valid but clashes with the current state (a name taken, an object still in use). */
public class ConflictProblem extends ApiProblem {

    public ConflictProblem(String slug, String detail) {
        super(409, slug, "Conflict", detail);
    }
}
