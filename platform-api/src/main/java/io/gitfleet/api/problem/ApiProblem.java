package io.gitfleet.api.problem;

import java.util.List;

/**
 * A failure the API reports to its caller as problem+json. Subclasses fix the status and type; the message is the
 * {@code detail} and must never contain secrets.
 */
public abstract class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    protected ApiProblem(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, fieldErrors());
    }

    protected List<Problem.FieldError> fieldErrors() {
        return List.of();
    }

    public int status() {
        return status;
    }
}
