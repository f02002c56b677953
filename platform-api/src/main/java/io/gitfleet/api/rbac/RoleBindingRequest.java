package io.gitfleet.api.rbac;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.common.DnsLabel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bind an OIDC group or user to a role, on one tenant or (no tenant) on the platform. */
@Schema(name = "RoleBindingRequest", example = """
        {"subjectKind":"group","subject":"team-a","role":"tenant-admin","tenant":"team-a"}""")
public record RoleBindingRequest(String subjectKind, String subject, Role role, String tenant) {

    void validate() {
        new Violations()
                .check("subjectKind", "group".equals(subjectKind) || "user".equals(subjectKind) ? null
                        : "must be 'group' or 'user'")
                .check("subject", subject == null || subject.isBlank() ? "is required" : null)
                .maxLength("subject", subject, 255)
                .check("role", role == null ? "must be one of platform-admin, tenant-admin, tenant-member, viewer" : null)
                .check("tenant", tenant == null ? null : DnsLabel.problem(tenant))
                .check("role", role == Role.PLATFORM_ADMIN && tenant != null
                        ? "platform-admin can only be bound at platform scope (no tenant)" : null)
                .throwIfAny();
    }
}
