package io.gitfleet.api.problem;

/**
 * The object does not exist, or exists in a tenant the caller may not see: both answer the same, so that object
 * names never leak across tenants.
 */
public class NotFoundProblem extends ApiProblem {

    public NotFoundProblem(String kind, Object id) {
        super(404, "not-found", "Not found", kind + " '" + id + "' not found");
    }
}
