package io.gitfleet.local;

import io.gitfleet.testsupport.ServiceStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets of one local run. The master key is fresh each run because the database is too. The bootstrap admin
 * password is the one the API generated and printed once on its first start; it is read back from the API's log
 * so the banner can show it.
 */
final class LocalSecrets {

    private static final Pattern PASSWORD = Pattern.compile("Sign in with HTTP Basic as '[^']+' and password: (\\S+)");

    private LocalSecrets() {
    }

    static String masterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String bootstrapPassword(Path apiLog) {
        try {
            Matcher matcher = PASSWORD.matcher(Files.readString(apiLog));
            if (!matcher.find()) {
                throw new ServiceStartException("platform-api did not print a bootstrap admin password; see " + apiLog);
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
