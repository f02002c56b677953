package io.gitfleet.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformInfoResource {

    private final Pool pool;
    private final String version;

    public PlatformInfoResource(Pool pool, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.pool = pool;
        this.version = version;
    }

    @GET
    @Operation(summary = "Identify this Gitfleet installation",
            description = "Product, version and the installation id created by the first database migration.")
    public Uni<PlatformInfo> info() {
        return pool.query("SELECT id, installed_at FROM installation").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new PlatformInfo("gitfleet", version, row.getUUID("id"),
                            row.getOffsetDateTime("installed_at"));
                });
    }
}
