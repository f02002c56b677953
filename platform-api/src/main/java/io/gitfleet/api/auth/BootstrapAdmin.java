package io.gitfleet.api.auth;

import io.agroal.api.AgroalDataSource;
import io.gitfleet.api.GitfleetConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The local administrator that lets the platform run before any IdP grants platform-admin, like Argo CD's initial
 * admin. Its password is configured, or generated on the very first start of the installation and printed exactly
 * once; only its PBKDF2 hash is stored. Startup work runs on the main thread, so plain JDBC is fine here.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final GitfleetConfig.BootstrapAdmin config;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private static final Duration VERIFIED_FOR = Duration.ofMinutes(5);

    private volatile String passwordHash;
    private volatile Verified verified;

    public BootstrapAdmin(GitfleetConfig config, AgroalDataSource dataSource, Clock clock) {
        this.config = config.bootstrapAdmin();
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) throws SQLException {
        if (!config.enabled()) {
            return;
        }
        if (config.password().isPresent()) {
            passwordHash = PasswordHashes.hash(config.password().get());
            return;
        }
        String generated = generatePassword();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bootstrap_admin (password_hash, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, PasswordHashes.hash(generated));
                insert.setTimestamp(2, Timestamp.from(clock.instant()));
                if (insert.executeUpdate() == 1) {
                    // The one time this password is ever shown; only its hash survives.
                    LOG.warnf("""

                            Bootstrap admin created. Sign in with HTTP Basic as '%s' and password: %s
                            This password is shown once. Bind an IdP group to platform-admin, then set
                            gitfleet.bootstrap-admin.enabled=false.""", config.username(), generated);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM bootstrap_admin");
                    ResultSet row = select.executeQuery()) {
                row.next();
                passwordHash = row.getString(1);
            }
        }
    }

    public boolean enabled() {
        return config.enabled() && passwordHash != null;
    }

    public String username() {
        return config.username();
    }

    /**
     * Slow by design (PBKDF2) the first time; never call on an event-loop thread. A verified password is remembered
     * as its SHA-256 for a few minutes, so scripts sending Basic on every request do not pay PBKDF2 each time.
     */
    public boolean verify(String username, String password) {
        if (!enabled() || !config.username().equals(username)) {
            return false;
        }
        String digest = SecretTokens.sha256Hex(username + ":" + password);
        Verified last = verified;
        if (last != null && last.until().isAfter(clock.instant())
                && MessageDigest.isEqual(last.digest().getBytes(), digest.getBytes())) {
            return true;
        }
        boolean valid = PasswordHashes.matches(password, passwordHash);
        if (valid) {
            verified = new Verified(digest, clock.instant().plus(VERIFIED_FOR));
        }
        return valid;
    }

    private record Verified(String digest, Instant until) {
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
