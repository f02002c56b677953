package io.gitfleet.api.problem;

/** No valid credential: missing, unknown, expired, used up or revoked. The detail never says which secret. */
public class UnauthorizedProblem extends ApiProblem {

    public UnauthorizedProblem(String detail) {
        super(401, "unauthorized", "Unauthorized", detail);
    }
}
