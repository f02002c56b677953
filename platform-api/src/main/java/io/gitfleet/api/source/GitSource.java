package io.gitfleet.api.source;

import io.gitfleet.api.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A Git repository and ref a tenant deploys from; its credential is only ever stored sealed. */
@Entity
@Table(name = "git_source")
public class GitSource extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    public String name;
    public String url;
    public String ref;

    /** {@code https-token}, {@code ssh-key} or null. */
    @Column(name = "credential_kind")
    public String credentialKind;

    @Column(name = "credential_username")
    public String credentialUsername;

    @Column(name = "credential_ciphertext")
    public byte[] credentialCiphertext;

    @Column(name = "poll_interval_seconds")
    public int pollIntervalSeconds;

    @Column(name = "resolved_revision")
    public String resolvedRevision;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static Uni<GitSource> require(UUID id) {
        return GitSource.<GitSource>findById(id).onItem().ifNull().failWith(() -> new NotFoundProblem("source", id));
    }
}
