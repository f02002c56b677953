package io.gitfleet.api.registration;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The only response that ever contains the token. */
@Schema(name = "IssuedRegistrationToken", example = """
        {"id":"9a0f5a58-3a1e-4d0e-8a8c-7b2f3c1d4e5f","token":"gfr_q8Yb...","clusterId":"5d1c2a77-7a8e-4d8e-9c2b-1f6f8a9e0c11",
         "clusterName":"prod-eu-1","expiresAt":"2026-11-27T11:00:00Z"}""")
public record IssuedRegistrationToken(UUID id, String token, UUID clusterId, String clusterName, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedRegistrationToken[id=" + id + ", clusterName=" + clusterName + ", token=***]";
    }
}
