package io.gitfleet.testsupport.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * SSH key pairs for tests, in the text forms a user hands to Gitfleet.
 *
 * <p>ECDSA P-256 because the JDK makes one in milliseconds and sshd 2.16 reads and writes it with no extra provider;
 * ed25519 would need net.i2p eddsa or BouncyCastle on the class path, and RSA 3072 costs about a second per key.
 */
public final class SshKeys {

    private SshKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate EC P-256 keys", e);
        }
    }

    /** The private key as an unencrypted OpenSSH key file ({@code -----BEGIN OPENSSH PRIVATE KEY-----}). */
    public static String privateKeyText(KeyPair pair) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "gitfleet-test", null, out);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the key in OpenSSH format", e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** {@code ecdsa-sha2-nistp256 AAAA...}: the form of an authorized_keys line and of a known_hosts key. */
    public static String publicKeyText(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }
}
