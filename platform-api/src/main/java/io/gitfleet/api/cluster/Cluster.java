package io.gitfleet.api.cluster;

import io.gitfleet.api.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Kubernetes cluster in the fleet. The control plane holds no credential for it: its agent calls in. */
@Entity
@Table(name = "cluster")
// Status ingestion updates state, heartbeat and versions with SQL of its own; an edit through Hibernate must write
// only the columns it changed, or it would put back values ingestion has replaced meanwhile.
@DynamicUpdate
public class Cluster extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> labels;

    @Enumerated(EnumType.STRING)
    public ClusterState state;

    @Column(name = "credential_generation")
    public int credentialGeneration;

    @Column(name = "agent_version")
    public String agentVersion;

    @Column(name = "kubernetes_version")
    public String kubernetesVersion;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "last_heartbeat_at")
    public Instant lastHeartbeatAt;

    /** When the last trusted agent message arrived; written by status ingestion only. */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /** The newest accepted status sequence (replays at or below it change nothing); ingestion only. */
    @Column(name = "last_sequence")
    public long lastSequence;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static Uni<Cluster> require(UUID id) {
        return Cluster.<Cluster>findById(id).onItem().ifNull().failWith(() -> new NotFoundProblem("cluster", id));
    }
}
