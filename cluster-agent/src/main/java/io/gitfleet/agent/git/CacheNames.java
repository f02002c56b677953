package io.gitfleet.agent.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names of cache entries derived from what they hold (URLs, paths, key texts): short, stable, file-name safe. */
final class CacheNames {

    private CacheNames() {
    }

    /** The first 8 bytes of the SHA-256 of {@code text}, in hex. */
    static String of(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
