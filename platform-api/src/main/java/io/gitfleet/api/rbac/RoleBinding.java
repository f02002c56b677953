package io.gitfleet.api.rbac;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Grants {@code role} to an OIDC group or user, on one tenant or (tenantId null) on the whole platform. */
@Entity
@Table(name = "role_binding")
public class RoleBinding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_kind")
    public String subjectKind;

    public String subject;

    public String role;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public Role role() {
        return Role.fromWire(role);
    }
}
