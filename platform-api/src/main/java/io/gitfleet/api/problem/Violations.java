package io.gitfleet.api.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of one request, so a caller fixes them all in one round trip. */
public final class Violations {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** Records {@code problem} against {@code field} unless it is null (valid). */
    public Violations check(String field, String problem) {
        if (problem != null) {
            errors.add(new Problem.FieldError(field, problem));
        }
        return this;
    }

    public Violations require(String field, Object value) {
        return check(field, value == null ? "is required" : null);
    }

    public Violations maxLength(String field, String value, int max) {
        return check(field, value != null && value.length() > max ? "must be at most " + max + " characters" : null);
    }

    public boolean isValid(String field) {
        return errors.stream().noneMatch(e -> e.field().equals(field));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
    }
}
