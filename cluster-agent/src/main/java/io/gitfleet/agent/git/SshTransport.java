package io.gitfleet.agent.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.security.auth.login.LoginException;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshConfigStore;
import org.eclipse.jgit.transport.SshConstants;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * SSH for fetches with a source's private key, held in memory only. Set it on a fetch with
 * {@code setTransportConfigCallback} and close it when the fetch is done.
 *
 * <p>Nothing of the agent user's {@code ~/.ssh} is used: not its config, keys, known_hosts, nor an SSH agent. The
 * home and SSH directory are {@code sshDir} (in the agent's cache), because a key or a host entry picked up from
 * the machine would make a source work on one agent and fail on another, and because the home of a container
 * is often read-only. Only public-key authentication is tried, so a wrong key fails with one clear message instead
 * of after password and keyboard-interactive attempts nobody can answer.
 *
 * <p>Host keys. With a {@code knownHosts} text, the server must present a key listed there
 * ({@code StrictHostKeyChecking yes}). Without one, the first key a host presents is trusted and recorded in
 * {@code sshDir/known_hosts}, and a different key later is refused ({@code accept-new}, trust on first use): the
 * credentials of a source carry no host keys today, refusing every unknown host would make SSH sources unusable,
 * and accepting any key would let whoever answers serve the manifests this agent applies. The record lasts as long
 * as the cache directory; an agent whose cache is an emptyDir trusts anew after each restart.
 *
 * <p>The session factory opens one SSH client per fetch and the fetch closes it; closing this only drops the
 * factory, so one instance per checkout is cheap.
 */
public final class SshTransport implements TransportConfigCallback, AutoCloseable {

    /** What Git hosts expect when the URL names no user; JGit would otherwise send the local OS user. */
    private static final String DEFAULT_USER = "git";

    private final SshdSessionFactory sessions;

    private SshTransport(SshdSessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * @param sshDir     directory owned by the agent, used as home and {@code ~/.ssh}; created if missing
     * @param privateKey unencrypted private key text, OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}) or PEM
     * @param user       SSH user when the URL names none; null for {@value #DEFAULT_USER}
     * @param knownHosts known_hosts lines pinning the host keys, or null to trust on first use
     */
    public static SshTransport create(Path sshDir, String privateKey, String user, String knownHosts)
            throws FetchException {
        List<KeyPair> keys = parse(privateKey);
        Path knownHostsFile;
        try {
            Files.createDirectories(sshDir);
            knownHostsFile = knownHosts == null ? trustOnFirstUseFile(sshDir) : pinnedFile(sshDir, knownHosts);
        } catch (IOException e) {
            throw new FetchException("cannot prepare the SSH directory " + sshDir + ": " + e.getMessage(), e);
        }
        Map<String, String> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.put(SshConstants.STRICT_HOST_KEY_CHECKING, knownHosts == null ? "accept-new" : SshConstants.YES);
        options.put(SshConstants.USER, user == null || user.isBlank() ? DEFAULT_USER : user);
        FixedConfig config = new FixedConfig(Collections.unmodifiableMap(options));
        File dir = sshDir.toFile();
        SshdSessionFactory sessions = new SshdSessionFactoryBuilder()
                .setHomeDirectory(dir)
                .setSshDirectory(dir)
                .setConfigStoreFactory((home, configFile, localUser) -> config)
                .setDefaultKnownHostsFiles(ignored -> List.of(knownHostsFile))
                .setDefaultKeysProvider(ignored -> keys)
                .setPreferredAuthentications("publickey")
                .setConnectorFactory(null)
                .build(null);
        return new SshTransport(sessions);
    }

    @Override
    public void configure(Transport transport) {
        if (!(transport instanceof org.eclipse.jgit.transport.SshTransport ssh)) {
            throw new IllegalArgumentException("the source has an SSH key but its URL is not an SSH URL"
                    + " (ssh://host/path or user@host:path)");
        }
        ssh.setSshSessionFactory(sessions);
    }

    @Override
    public void close() {
        sessions.close();
    }

    private static List<KeyPair> parse(String privateKey) throws FetchException {
        if (privateKey == null || privateKey.isBlank()) {
            throw new FetchException("the SSH key of the source is empty");
        }
        Collection<KeyPair> keys;
        try {
            keys = SecurityUtils.getKeyPairResourceParser().loadKeyPairs(null, NamedResource.ofName("the source key"),
                    FilePasswordProvider.EMPTY, privateKey.strip() + "\n");
        } catch (LoginException e) {
            throw new FetchException("the SSH key of the source is protected by a passphrase; give it unencrypted");
        } catch (NoSuchAlgorithmException e) {
            // Names the key type, e.g. ssh-ed25519 when no EdDSA provider is on the class path.
            throw new FetchException("the SSH key of the source is not supported: " + e.getMessage());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // Parser messages may quote the offending line, which is part of the secret: report only the kind.
            throw new FetchException("the SSH key of the source is not a readable OpenSSH or PEM private key ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (keys == null || keys.isEmpty()) {
            throw new FetchException("the SSH key of the source is not an OpenSSH or PEM private key");
        }
        return List.copyOf(keys);
    }

    /** JGit adds a first-seen host key only to a known_hosts file that exists. */
    private static Path trustOnFirstUseFile(Path sshDir) throws IOException {
        Path file = sshDir.resolve("known_hosts");
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // Keep what earlier fetches pinned.
        }
        return file;
    }

    /** One file per distinct text, so sources with different pins never see each other's hosts. */
    private static Path pinnedFile(Path sshDir, String knownHosts) throws IOException {
        Path file = sshDir.resolve("known_hosts-" + CacheNames.of(knownHosts));
        if (!Files.exists(file)) {
            Path temp = Files.createTempFile(sshDir, "known_hosts-", ".tmp");
            Files.writeString(temp, knownHosts.strip() + "\n", StandardCharsets.UTF_8);
            // Same name, same content: a concurrent writer that wins the race wrote the same bytes.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }


    /** The whole SSH config: the same few options for every host, and no file is read. */
    private record FixedConfig(Map<String, String> options) implements SshConfigStore, SshConfigStore.HostConfig {

        @Override
        public SshConfigStore.HostConfig lookup(String hostName, int port, String userName) {
            return this;
        }

        @Override
        public SshConfigStore.HostConfig lookupDefault(String hostName, int port, String userName) {
            return this;
        }

        @Override
        public String getValue(String key) {
            return options.get(key);
        }

        @Override
        public List<String> getValues(String key) {
            String value = options.get(key);
            return value == null ? List.of() : List.of(value);
        }

        @Override
        public Map<String, String> getOptions() {
            return options;
        }

        @Override
        public Map<String, List<String>> getMultiValuedOptions() {
            return Map.of();
        }
    }
}
