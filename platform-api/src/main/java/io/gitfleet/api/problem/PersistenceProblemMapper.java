package io.gitfleet.api.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Two writers raced on one object: the loser retries with what the winner wrote. */
public class PersistenceProblemMapper {

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentUpdate(RuntimeException failure, UriInfo uri) {
        return ProblemResponses.of(new ConflictProblem("concurrent-update",
                "the object was changed by another request; read it again and retry").toProblem(uri.getPath()));
    }
}
