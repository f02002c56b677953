package io.gitfleet.api.rbac;

import io.gitfleet.api.tenant.TenantNames;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the API thinks the caller is and what it may do; the console shapes its menus from this. */
@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RBAC")
public class MeResource {

    private final Access access;

    public MeResource(Access access) {
        this.access = access;
    }

    @Schema(name = "Me", example = """
            {"name":"alice","kind":"PERSON","groups":["team-a"],"platformRole":null,
             "tenantRoles":{"team-a":"tenant-admin"}}""")
    public record Me(String name, String kind, Set<String> groups, Role platformRole,
            Map<String, Role> tenantRoles) {
    }

    @GET
    @WithSession
    @Operation(summary = "The caller's identity and effective roles")
    public Uni<Me> me() {
        return access.grants().chain(grants -> TenantNames.of(List.copyOf(grants.tenantsWithRoles())).map(names -> {
            TreeMap<String, Role> roles = new TreeMap<>();
            grants.tenantRoles().forEach((id, role) -> roles.put(names.get(id), role));
            return new Me(grants.caller().name(), grants.caller().kind().name(), grants.caller().groups(),
                    grants.platformRole().orElse(null), roles);
        }));
    }
}
