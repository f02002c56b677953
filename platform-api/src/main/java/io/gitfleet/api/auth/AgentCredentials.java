package io.gitfleet.api.auth;

import io.gitfleet.common.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent credentials are derived, not stored: {@code gfa_<clusterId>.<generation>.<mac>} where the MAC is
 * HMAC-SHA256 over cluster id and generation with a key derived from the master key. The database holds only the
 * generation; bumping it (re-registration) or revoking the cluster kills the credential at once. The same
 * credential later keys the HMAC tag on the agent's Kafka status messages, which the control plane can check
 * because it can re-derive the credential.
 */
@ApplicationScoped
public class AgentCredentials {

    public static final String PREFIX = "gfa_";

    private final byte[] key;

    public AgentCredentials(MasterKey masterKey) {
        this.key = masterKey.derive("agent-credential/v1");
    }

    /** What a presented credential claims to be, before it is checked against the cluster's row. */
    public record Claim(UUID clusterId, int generation, String presented) {
    }

    public String issue(UUID clusterId, int generation) {
        return PREFIX + clusterId + "." + generation + "." + mac(clusterId, generation);
    }

    /** Parses the shape only; empty when it cannot be an agent credential at all. */
    public Optional<Claim> parse(String credential) {
        if (credential == null || !credential.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = credential.substring(PREFIX.length()).split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claim(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), credential));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Constant-time: true when the claim was issued by this installation for that cluster and generation. */
    public boolean isAuthentic(Claim claim) {
        byte[] expected = issue(claim.clusterId(), claim.generation()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, claim.presented().getBytes(StandardCharsets.UTF_8));
    }

    private String mac(UUID clusterId, int generation) {
        byte[] tag = Hmac.sha256(key, clusterId + ":" + generation);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    }
}
