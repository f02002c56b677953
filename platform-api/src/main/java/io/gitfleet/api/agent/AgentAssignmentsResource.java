package io.gitfleet.api.agent;

import io.gitfleet.api.GitfleetConfig;
import io.gitfleet.api.auth.Caller;
import io.gitfleet.api.change.ChangeFeed;
import io.gitfleet.api.problem.ForbiddenProblem;
import io.gitfleet.api.problem.InvalidInputProblem;
import io.gitfleet.api.web.Durations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An agent's view of its desired state. With {@code If-None-Match} equal to the current ETag and {@code ?wait=},
 * the request is held (no thread, no database connection) until a change committed on any replica touches this
 * cluster, or the wait runs out (304). The cluster is always the one the credential names: there is no parameter
 * by which an agent could ask for another cluster.
 */
@Path("/api/v1/agents/self/assignments")
@Authenticated
@Tag(name = "Agents")
public class AgentAssignmentsResource {

    private final SecurityIdentity identity;
    private final DesiredStates states;
    private final ChangeFeed feed;
    private final Duration maxWait;
    private final Clock clock;

    public AgentAssignmentsResource(SecurityIdentity identity, DesiredStates states, ChangeFeed feed,
            GitfleetConfig config, Clock clock) {
        this.identity = identity;
        this.states = states;
        this.feed = feed;
        this.maxWait = config.agents().maxWait();
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This cluster's desired state; ETag, If-None-Match (304) and long-poll with ?wait=")
    public Uni<Response> desiredState(
            @Parameter(description = "ETag of the state the agent already has") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "Hold the request up to this long for a change: 30s, 500ms", example = "30s")
            @QueryParam("wait") String wait) {
        Caller caller = Caller.of(identity);
        if (!caller.isAgent()) {
            throw new ForbiddenProblem("only a cluster agent has a desired state; people use /api/v1/assignments");
        }
        Duration waitFor = parseWait(wait);
        Instant deadline = clock.instant().plus(waitFor);
        return answer(caller.clusterId(), ifNoneMatch, deadline);
    }

    private Uni<Response> answer(UUID clusterId, String ifNoneMatch, Instant deadline) {
        // Register before reading, so that a change committed while we read still wakes us.
        ChangeFeed.Waiter waiter = feed.register(clusterId);
        return Panache.withSession(() -> states.render(clusterId))
                .onFailure().invoke(waiter::cancel)
                .chain(rendered -> {
                    if (!rendered.etag().equals(ifNoneMatch)) {
                        waiter.cancel();
                        return Uni.createFrom().item(Response.ok(rendered.json(), MediaType.APPLICATION_JSON)
                                .tag(unquoted(rendered.etag())).build());
                    }
                    Duration left = Duration.between(clock.instant(), deadline);
                    if (left.isNegative() || left.isZero()) {
                        waiter.cancel();
                        return Uni.createFrom().item(notModified(rendered.etag()));
                    }
                    return waiter.await(left).chain(woken -> woken
                            ? answer(clusterId, ifNoneMatch, deadline)
                            : Uni.createFrom().item(notModified(rendered.etag())));
                });
    }

    private Duration parseWait(String wait) {
        if (wait == null) {
            return Duration.ZERO;
        }
        Duration parsed = Durations.parseOrNull(wait);
        if (parsed == null || parsed.isNegative() || parsed.compareTo(maxWait) > 0) {
            throw InvalidInputProblem.of("wait", "must be a duration from 0s to " + Durations.format(maxWait));
        }
        return parsed;
    }

    private static Response notModified(String etag) {
        return Response.notModified(unquoted(etag)).build();
    }

    private static String unquoted(String etag) {
        return etag.substring(1, etag.length() - 1);
    }
}
