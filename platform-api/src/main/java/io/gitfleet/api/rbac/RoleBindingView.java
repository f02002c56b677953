package io.gitfleet.api.rbac;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoleBinding", example = """
        {"id":"1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6","subjectKind":"group","subject":"team-a","role":"tenant-admin",
         "tenant":"team-a","createdBy":"admin","createdAt":"2026-11-27T10:00:00Z"}""")
public record RoleBindingView(UUID id, String subjectKind, String subject, Role role, String tenant, String createdBy,
        Instant createdAt) {

    static RoleBindingView of(RoleBinding binding, String tenant) {
        return new RoleBindingView(binding.id, binding.subjectKind, binding.subject, binding.role(), tenant,
                binding.createdBy, binding.createdAt);
    }
}
