package io.gitfleet.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document; {@code type} is stable and safe for clients to branch on. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details", example = """
        {"type":"https://gitfleet.io/problems/invalid-input","title":"Invalid input","status":400,
         "detail":"1 field is invalid","errors":[{"field":"path","message":"must not contain '..' segments"}]}""")
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://gitfleet.io/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One invalid field of a request, named by its JSON path ({@code policy.prune}, {@code labels.env}). */
    public record FieldError(String field, String message) {
    }
}
