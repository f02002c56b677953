package io.gitfleet.api.tenant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tenant", example = """
        {"id":"0b6f0e9e-4c43-4b6c-9d55-3f4f2f1b8a10","name":"team-a","displayName":"Team A",
         "namespaces":["team-a","team-a-*"],"createdAt":"2026-11-27T10:00:00Z","updatedAt":"2026-11-27T10:00:00Z"}""")
public record TenantView(UUID id, String name, String displayName, List<String> namespaces, Instant createdAt,
        Instant updatedAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id, tenant.name, tenant.displayName, List.of(tenant.namespaces),
                tenant.createdAt, tenant.updatedAt);
    }
}
