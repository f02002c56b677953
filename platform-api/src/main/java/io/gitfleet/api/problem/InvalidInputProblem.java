package io.gitfleet.api.problem;

import java.util.List;

/** The request can never succeed as sent; every invalid field is named. */
public class InvalidInputProblem extends ApiProblem {

    private final List<Problem.FieldError> errors;

    public InvalidInputProblem(List<Problem.FieldError> errors) {
        super(400, "invalid-input", "Invalid input", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputProblem of(String field, String message) {
        return new InvalidInputProblem(List.of(new Problem.FieldError(field, message)));
    }

    @Override
    protected List<Problem.FieldError> fieldErrors() {
        return errors;
    }

    private static String summary(List<Problem.FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
