package io.gitfleet.common.agent;

import io.gitfleet.common.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * The authentication tag of a status message: HMAC-SHA256, keyed by the agent credential, over every other field
 * of the envelope joined by newlines. The control plane re-derives the credential from the cluster id and its
 * current generation, so a message from a revoked or superseded agent, or one altered in transit, fails.
 */
public final class StatusSigner {

    private StatusSigner() {
    }

    public static StatusEnvelope sign(String credential, UUID clusterId, long sequence, String sentAt, String type,
            String payload) {
        return new StatusEnvelope(StatusEnvelope.SCHEMA_VERSION, clusterId, sequence, sentAt, type, payload,
                tag(credential, StatusEnvelope.SCHEMA_VERSION, clusterId, sequence, sentAt, type, payload));
    }

    /** Constant-time check of the envelope's tag against the credential. */
    public static boolean verify(StatusEnvelope envelope, String credential) {
        if (envelope.tag() == null) {
            return false;
        }
        String expected = tag(credential, envelope.schemaVersion(), envelope.clusterId(), envelope.sequence(),
                envelope.sentAt(), envelope.type(), envelope.payload());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                envelope.tag().getBytes(StandardCharsets.UTF_8));
    }

    public static String tag(String credential, int schemaVersion, UUID clusterId, long sequence, String sentAt,
            String type, String payload) {
        String signed = schemaVersion + "\n" + clusterId + "\n" + sequence + "\n" + sentAt + "\n" + type + "\n"
                + payload;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hmac.sha256(credential.getBytes(StandardCharsets.UTF_8), signed));
    }
}
