package io.gitfleet.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Request bodies Jackson could not read: malformed JSON, unknown fields, wrong types. The answer names the field
 * by its JSON path and the position, never echoing the rejected value (it may be a secret).
 */
public class RequestBodyProblemMapper {

    // Listed one by one: the most specific mapper wins, and Quarkus ships its own for MismatchedInputException.
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class, InvalidFormatException.class,
            ValueInstantiationException.class })
    public Response map(JsonProcessingException failure, UriInfo uri) {
        return ProblemResponses.of(problemFor(failure, uri.getPath()));
    }

    static Problem problemFor(JsonProcessingException failure, String instance) {
        String position = failure.getLocation() == null ? ""
                : " at line " + failure.getLocation().getLineNr() + ", column " + failure.getLocation().getColumnNr();
        if (failure instanceof JsonParseException || failure.getCause() instanceof JsonParseException) {
            return new Problem(Problem.type("malformed-json"), "Malformed JSON", 400,
                    "the request body is not valid JSON" + position, instance, List.of());
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return invalid(instance, "unknown field '" + field + "'" + position,
                    field, "is not a known field");
        }
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return invalid(instance, "field '" + field + "' has the wrong type or format" + position,
                    field, "has the wrong type or format");
        }
        return new Problem(Problem.type("malformed-json"), "Malformed JSON", 400,
                "the request body is not valid JSON" + position, instance, List.of());
    }

    private static Problem invalid(String instance, String detail, String field, String message) {
        return new Problem(Problem.type("invalid-input"), "Invalid input", 400, detail, instance,
                List.of(new Problem.FieldError(field, message)));
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
