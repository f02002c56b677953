package io.gitfleet.api.assignment;

import io.gitfleet.api.problem.NotFoundProblem;
import io.gitfleet.common.selector.LabelSelector;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.gitfleet.common.agent.SyncPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Which path of which source goes into which namespace of the clusters a label selector matches. The set of target
 * clusters is never stored: it is the selector applied to the clusters' labels at the time of asking.
 */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "source_id")
    public UUID sourceId;

    public String name;
    public String path;
    public String namespace;

    @JdbcTypeCode(SqlTypes.JSON)
    public LabelSelector selector;

    public boolean prune;

    @Column(name = "self_heal")
    public boolean selfHeal;

    public boolean suspended;

    public boolean force;

    @Column(name = "allow_empty")
    public boolean allowEmpty;

    @Column(name = "ignore_rules")
    @JdbcTypeCode(SqlTypes.JSON)
    public IgnoreRules ignoreRules;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> substitutions;

    @Column(name = "pinned_revision")
    public String pinnedRevision;

    /** Grows on every change that agents must act on, including "sync now". */
    public long generation;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public SyncPolicy policy() {
        return new SyncPolicy(prune, selfHeal, suspended, force, allowEmpty,
                ignoreRules == null ? List.of() : ignoreRules.rules());
    }

    public static Uni<Assignment> require(UUID id) {
        return Assignment.<Assignment>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("assignment", id));
    }
}
