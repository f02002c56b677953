package io.gitfleet.api.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gitfleet.api.auth.SecretTokens;
import io.gitfleet.api.change.ChangeNotices;
import io.gitfleet.api.cluster.Cluster;
import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.api.problem.UnauthorizedProblem;
import io.gitfleet.common.agent.DesiredAssignment;
import io.gitfleet.common.agent.DesiredState;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Computes one cluster's desired state: every assignment whose selector matches the cluster's labels now, taken
 * from the shared {@link FleetSnapshot}. The JSON is rendered with sorted keys so its hash is a stable ETag: equal
 * state, equal bytes, equal tag.
 */
@ApplicationScoped
public class DesiredStates {

    private final FleetSnapshots snapshots;
    private final ObjectWriter canonical;

    public DesiredStates(FleetSnapshots snapshots, ObjectMapper mapper) {
        this.snapshots = snapshots;
        this.canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The state as sent on the wire, and its entity tag. */
    public record Rendered(String json, String etag) {
    }

    /** Must run inside a session. A revoked or deleted cluster is refused like a bad credential. */
    public Uni<Rendered> render(UUID clusterId) {
        Context context = Vertx.currentContext();
        // The snapshot may have been loaded on another request's context: come back to ours.
        Executor here = context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
        return Cluster.<Cluster>findById(clusterId).chain(cluster -> {
            if (cluster == null || cluster.state == ClusterState.Revoked) {
                throw new UnauthorizedProblem("agent credential refused");
            }
            return ChangeNotices.fleetVersion().chain(snapshots::at).emitOn(here)
                    .map(snapshot -> render(cluster, snapshot.matching(cluster.labels)));
        });
    }

    private Rendered render(Cluster cluster, List<DesiredAssignment> assignments) {
        DesiredState state = new DesiredState(DesiredState.SCHEMA_VERSION, cluster.id, cluster.name, cluster.labels,
                assignments);
        try {
            String json = canonical.writeValueAsString(state);
            return new Rendered(json, "\"" + SecretTokens.sha256Hex(json).substring(0, 32) + "\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("desired state of " + cluster.id + " cannot be serialised", e);
        }
    }
}
