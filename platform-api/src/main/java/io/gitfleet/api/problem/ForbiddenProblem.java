package io.gitfleet.api.problem;

/** The caller may see the object but not do this to it (a viewer changing something, a member granting roles). */
public class ForbiddenProblem extends ApiProblem {

    public ForbiddenProblem(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
