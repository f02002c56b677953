package io.gitfleet.api.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gitfleet.common.agent.AssignmentStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The parts of a status report stored as the agent sent them (the inventory and drift arrays, cut out of the
 * payload text without building objects) and a digest of everything a reader sees, so a report that only repeats
 * the stored status is recognised without comparing it field by field. The digest leaves out when the sync ran:
 * a resync that changed nothing has new times and the same digest.
 *
 * @param inventory the payload's {@code inventory} array as JSON text ({@code []} when absent)
 * @param drift the payload's {@code drift} array as JSON text ({@code []} when absent)
 * @param digest the first 16 bytes of a SHA-256 over facts, inventory and drift
 */
record ReportedBody(String inventory, String drift, byte[] digest) {

    private static final int DIGEST_BYTES = 16;

    static ReportedBody of(JsonFactory factory, String payload, AssignmentStatus facts) throws IOException {
        String inventory = "[]";
        String drift = "[]";
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("status payload is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int from = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                if (value == JsonToken.START_ARRAY && (name.equals("inventory") || name.equals("drift"))) {
                    String array = payload.substring(from, (int) parser.currentLocation().getCharOffset());
                    if (name.equals("inventory")) {
                        inventory = array;
                    } else {
                        drift = array;
                    }
                }
            }
        }
        return new ReportedBody(inventory, drift, digest(facts, inventory, drift));
    }

    boolean sameAs(byte[] stored) {
        return stored != null && Arrays.equals(digest, stored);
    }

    private static byte[] digest(AssignmentStatus facts, String inventory, String drift) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String part : new String[] {String.valueOf(facts.generation()), facts.desiredRevision(),
                facts.appliedRevision(), facts.phase().name(), facts.health().name(), facts.message(), inventory,
                drift}) {
            // Length-prefixed, so no two different field lists hash the same text.
            byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            sha.update((byte) (part == null ? 0 : 1));
            sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8), (byte) bytes.length});
            sha.update(bytes);
        }
        return Arrays.copyOf(sha.digest(), DIGEST_BYTES);
    }
}
