package io.gitfleet.api.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time, expiring ticket to register one cluster; only the token's SHA-256 is kept. */
@Entity
@Table(name = "registration_token")
public class RegistrationToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cluster_id")
    public UUID clusterId;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** Why the token cannot be used at {@code now}, or null when it can. For the audit log, not the caller. */
    String unusableReason(Instant now) {
        if (usedAt != null) {
            return "registration token already used at " + usedAt;
        }
        if (!now.isBefore(expiresAt)) {
            return "registration token expired at " + expiresAt;
        }
        return null;
    }
}
