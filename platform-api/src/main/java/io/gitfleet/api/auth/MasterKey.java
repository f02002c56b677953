package io.gitfleet.api.auth;

import io.gitfleet.api.GitfleetConfig;
import io.gitfleet.common.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;

/**
 * The one secret every replica shares. Each use gets its own key derived from it (HMAC-SHA256 over the purpose,
 * the expand step of HKDF with a fixed label), so a key leaked from one use says nothing about the others.
 */
@ApplicationScoped
public class MasterKey {

    private final byte[] master;

    public MasterKey(GitfleetConfig config) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(config.secrets().masterKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gitfleet.secrets.master-key must be base64", e);
        }
        if (decoded.length < 32) {
            throw new IllegalStateException(
                    "gitfleet.secrets.master-key must hold at least 32 random bytes (base64), got " + decoded.length);
        }
        this.master = decoded;
    }

    /** A 32-byte key for one purpose, e.g. {@code "agent-credential/v1"}. */
    public byte[] derive(String purpose) {
        return Hmac.sha256(master, "gitfleet/" + purpose);
    }
}
