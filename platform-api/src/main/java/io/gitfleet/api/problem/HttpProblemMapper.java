package io.gitfleet.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Failures raised by the HTTP and security layers (unknown route, wrong method, no credential) as problems. */
public class HttpProblemMapper {

    @ServerExceptionMapper
    public Response map(WebApplicationException failure, UriInfo uri) {
        if (failure.getCause() instanceof JsonProcessingException json) {
            return ProblemResponses.of(RequestBodyProblemMapper.problemFor(json, uri.getPath()));
        }
        Response.StatusType status = failure.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return ProblemResponses.of(new Problem(Problem.type(slug), status.getReasonPhrase(), status.getStatusCode(),
                status.getReasonPhrase() + ": " + uri.getPath(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthorized(RuntimeException failure, UriInfo uri) {
        return ProblemResponses.of(new UnauthorizedProblem("a valid credential is required").toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure, UriInfo uri) {
        return ProblemResponses.of(new ForbiddenProblem("not allowed for this caller").toProblem(uri.getPath()));
    }
}
