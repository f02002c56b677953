package io.gitfleet.api.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gitfleet.api.assignment.Assignment;
import io.gitfleet.api.auth.SecretTokens;
import io.gitfleet.api.cluster.Cluster;
import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.api.problem.UnauthorizedProblem;
import io.gitfleet.api.source.GitSource;
import io.gitfleet.api.source.SourceCredentialStore;
import io.gitfleet.api.tenant.Tenant;
import io.gitfleet.common.agent.DesiredAssignment;
import io.gitfleet.common.agent.DesiredSource;
import io.gitfleet.common.agent.DesiredState;
import io.gitfleet.common.agent.SyncPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes one cluster's desired state: every assignment whose selector matches the cluster's labels now, with
 * its source's revision and (opened) credentials. The JSON is rendered once with sorted keys so its hash is a
 * stable ETag: equal state, equal bytes, equal tag.
 */
@ApplicationScoped
public class DesiredStates {

    private final SourceCredentialStore credentials;
    private final ObjectWriter canonical;

    public DesiredStates(SourceCredentialStore credentials, ObjectMapper mapper) {
        this.credentials = credentials;
        this.canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The state as sent on the wire, and its entity tag. */
    public record Rendered(String json, String etag) {
    }

    /** Must run inside a session. A revoked or deleted cluster is refused like a bad credential. */
    public Uni<Rendered> render(UUID clusterId) {
        return Cluster.<Cluster>findById(clusterId).chain(cluster -> {
            if (cluster == null || cluster.state == ClusterState.Revoked) {
                throw new UnauthorizedProblem("agent credential refused");
            }
            return Assignment.<Assignment>listAll().chain(all -> {
                List<Assignment> matching = all.stream()
                        .filter(a -> a.selector.matches(cluster.labels))
                        .sorted(Comparator.comparing((Assignment a) -> a.id))
                        .toList();
                if (matching.isEmpty()) {
                    return Uni.createFrom().item(render(cluster, List.of()));
                }
                List<UUID> sourceIds = matching.stream().map(a -> a.sourceId).distinct().toList();
                List<UUID> tenantIds = matching.stream().map(a -> a.tenantId).distinct().toList();
                return GitSource.<GitSource>list("id in ?1", sourceIds).chain(sources -> Tenant.<Tenant>list(
                        "id in ?1", tenantIds).map(tenants -> render(cluster, matching.stream()
                        .map(a -> desired(a, byId(sources, s -> s.id).get(a.sourceId),
                                byId(tenants, t -> t.id).get(a.tenantId)))
                        .toList())));
            });
        });
    }

    private DesiredAssignment desired(Assignment assignment, GitSource source, Tenant tenant) {
        String revision = assignment.pinnedRevision != null ? assignment.pinnedRevision : source.resolvedRevision;
        return new DesiredAssignment(assignment.id, assignment.name, tenant.name, assignment.generation,
                new DesiredSource(source.url, source.ref, revision, credentials.open(source).orElse(null)),
                assignment.path, assignment.namespace,
                new SyncPolicy(assignment.prune, assignment.selfHeal, assignment.suspended),
                assignment.substitutions);
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

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
