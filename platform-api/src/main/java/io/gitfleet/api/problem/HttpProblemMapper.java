package io.gitfleet.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.gitfleet.api.audit.DeniedAccessAudit;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Failures raised by the HTTP and security layers (unknown route, wrong method, no credential) as problems. */
public class HttpProblemMapper {

    @Inject
    DeniedAccessAudit deniedAccess;

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

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException failure, UriInfo uri) {
        return unauthorized(uri);
    }

    /** No credential at all. On the agent endpoints that is a failed agent sign-in, and audited as one. */
    @ServerExceptionMapper
    public Uni<Response> anonymous(UnauthorizedException failure, UriInfo uri, HttpServerRequest request) {
        if (!uri.getPath().startsWith("/api/v1/agents/")) {
            return Uni.createFrom().item(unauthorized(uri));
        }
        return deniedAccess.denied("agent.authenticate", "anonymous", "endpoint", uri.getPath(), "no credential",
                String.valueOf(request.remoteAddress())).map(ignored -> unauthorized(uri));
    }

    private static Response unauthorized(UriInfo uri) {
        return ProblemResponses.of(new UnauthorizedProblem("a valid credential is required").toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure, UriInfo uri) {
        return ProblemResponses.of(new ForbiddenProblem("not allowed for this caller").toProblem(uri.getPath()));
    }
}
