package io.gitfleet.ui.api;

import java.util.List;
import java.util.Optional;

/**
 * An RFC 9457 problem the API answered with, or a failure to reach it: what the console shows people, never a
 * stack trace. {@code errors} name the request fields at fault, so forms can put each message on its field.
 */
public final class ApiProblem extends RuntimeException {

    /** One invalid field of a request, e.g. {@code selector}: "unexpected end". */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    private final boolean signedOut;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, false);
    }

    private ApiProblem(int status, String title, String detail, List<FieldError> errors, boolean signedOut) {
        super(detail == null || detail.isBlank() ? title : detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.signedOut = signedOut;
    }

    /** Nobody is signed in to this console session (any more): the console asks them to sign in again. */
    public static ApiProblem signedOut() {
        return new ApiProblem(401, "Signed out", "Your session has ended; sign in again", List.of(), true);
    }

    public boolean isSignedOut() {
        return signedOut;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The message for {@code field}, when the API named it. */
    public Optional<String> errorOn(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst();
    }
}
