package io.gitfleet.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Gitfleet's own typed failures, each already knowing its status and type. */
public class ApiProblemMapper {

    @ServerExceptionMapper
    public Response map(ApiProblem problem, UriInfo uri) {
        return ProblemResponses.of(problem.toProblem(uri.getPath()));
    }
}
