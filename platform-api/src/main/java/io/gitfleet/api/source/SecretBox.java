package io.gitfleet.api.source;

import io.gitfleet.api.auth.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for source credentials at rest: {@code nonce(12) || ciphertext || tag(16)}. The owning source's id
 * is the associated data, so a ciphertext copied onto another source's row fails to decrypt instead of handing
 * that source someone else's credential.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(MasterKey masterKey) {
        this.key = new SecretKeySpec(masterKey.derive("source-credentials/v1"), "AES");
    }

    public byte[] seal(String secret, UUID owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String open(byte[] box, UUID owner) {
        try {
            byte[] nonce = Arrays.copyOf(box, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, owner);
            byte[] plain = cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("source credential of " + owner
                    + " cannot be decrypted: wrong gitfleet.secrets.master-key or tampered row", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
