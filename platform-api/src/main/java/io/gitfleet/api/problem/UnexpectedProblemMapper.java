package io.gitfleet.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Anything else is a bug: the caller gets an id to quote and no internals; the log has the stack trace under the
 * same id.
 */
public class UnexpectedProblemMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response map(Throwable failure, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure %s on %s", id, uri.getPath());
        return ProblemResponses.of(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "unexpected failure; quote error id " + id, uri.getPath(), List.of()));
    }
}
