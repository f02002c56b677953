package io.gitfleet.api.tenant;

import io.gitfleet.api.problem.NotFoundProblem;
import io.gitfleet.common.NamespacePattern;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A team: owns namespaces on clusters, Git sources and assignments. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "display_name")
    public String displayName;

    /** A PostgreSQL text[]: Hibernate Reactive binds JSON columns only as objects, never as arrays. */
    public String[] namespaces;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The tenant, or a 404 problem; callers check the caller's rights before revealing anything. */
    public static Uni<Tenant> require(String name) {
        return Tenant.<Tenant>find("name", name).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("tenant", name));
    }

    public boolean ownsNamespace(String namespace) {
        return NamespacePattern.anyMatches(Arrays.asList(namespaces), namespace);
    }
}
