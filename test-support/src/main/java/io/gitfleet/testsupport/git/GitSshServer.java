package io.gitfleet.testsupport.git;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.TestService;
import io.gitfleet.testsupport.process.TempDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git over SSH on loopback: Apache MINA sshd in this JVM running JGit's upload-pack and receive-pack, so SSH key
 * authentication is tested against a real SSH handshake without Docker or a system sshd.
 *
 * <p>Only public-key authentication is offered and exactly one key is authorized, the way a Git host takes one
 * deploy key: with a password or keyboard-interactive fallback a test with the wrong key could still get in. The
 * host key is new for every server; {@link #knownHostsLine()} pins it for clients that want strict checking.
 *
 * <p>Repositories are created here, or a {@link GitServer}'s repository is {@linkplain #serve shared} so one
 * repository answers over HTTP and SSH. Serves protocol v0 only, like {@link GitServer}.
 */
public final class GitSshServer implements TestService {

    private static final String UPLOAD_PACK = "git-upload-pack";
    private static final String RECEIVE_PACK = "git-receive-pack";
    private static final String HOST = "127.0.0.1";

    private final SshServer ssh;
    private final Path root;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private final Map<String, Repository> served = new ConcurrentHashMap<>();
    private final Map<String, GitRepository> created = new ConcurrentHashMap<>();

    private GitSshServer(SshServer ssh, Path root, KeyPair hostKey, KeyPair clientKey) {
        this.ssh = ssh;
        this.root = root;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
    }

    /** A server that authorizes a key pair it generates; hand {@link #clientPrivateKey()} to the client. */
    public static GitSshServer start() {
        KeyPair client = SshKeys.generate();
        return start(client.getPublic(), client);
    }

    /** A server that authorizes only this public key (the test keeps the private half). */
    public static GitSshServer startAuthorizing(PublicKey authorizedKey) {
        return start(authorizedKey, null);
    }

    private static GitSshServer start(PublicKey authorizedKey, KeyPair clientKey) {
        Path root = TempDirs.create("git-ssh");
        SshServer ssh = SshServer.setUpDefaultServer();
        GitSshServer server = new GitSshServer(ssh, root, SshKeys.generate(), clientKey);
        ssh.setHost(HOST);
        ssh.setPort(0);
        ssh.setKeyPairProvider(KeyPairProvider.wrap(server.hostKey));
        // Public key alone, so a wrong key cannot get in through a password or keyboard-interactive fallback.
        ssh.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        // The default authenticator reads ~/.ssh/authorized_keys of whoever runs the tests.
        ssh.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(authorizedKey, key));
        ssh.setCommandFactory(server::command);
        try {
            ssh.start();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new ServiceStartException("Git SSH server did not start: " + e.getMessage(), e);
        }
    }

    /** Creates an empty bare repository served at {@code ssh://git@127.0.0.1:<port>/<name>.git}. */
    public GitRepository createRepository(String name) {
        String checked = repositoryName(name);
        if (checked == null || !checked.equals(name)) {
            throw new IllegalArgumentException("not a plain repository name: " + name);
        }
        GitRepository repository = GitRepository.create(root.resolve(name + ".git"),
                root.resolve("worktrees").resolve(name), url(name));
        if (created.putIfAbsent(name, repository) != null) {
            repository.close();
            throw new IllegalArgumentException("repository " + name + " already exists");
        }
        served.put(name, repository.bare());
        return repository;
    }

    /**
     * Serves a repository of another server (a {@link GitServer}'s) under its directory name and returns its SSH
     * URL. The caller still owns and closes it.
     */
    public String serve(GitRepository repository) {
        String name = repositoryName(repository.bare().getDirectory().getName());
        if (name == null) {
            throw new IllegalArgumentException("cannot serve " + repository.bare().getDirectory());
        }
        Repository previous = served.putIfAbsent(name, repository.bare());
        if (previous != null && previous != repository.bare()) {
            throw new IllegalArgumentException("another repository is already served as " + name);
        }
        return url(name);
    }

    public int port() {
        return ssh.getPort();
    }

    public String url(String repositoryName) {
        return "ssh://git@" + HOST + ":" + port() + "/" + repositoryName + ".git";
    }

    /** The unencrypted OpenSSH private key the server authorizes, when {@link #start()} generated it. */
    public String clientPrivateKey() {
        if (clientKey == null) {
            throw new IllegalStateException("the test gave the authorized key; it holds the private half");
        }
        return SshKeys.privateKeyText(clientKey);
    }

    /** {@code [127.0.0.1]:<port> ecdsa-sha2-nistp256 AAAA...}: a known_hosts line pinning this server's host key. */
    public String knownHostsLine() {
        return KnownHostHashValue.createHostPattern(HOST, port()) + " " + SshKeys.publicKeyText(hostKey.getPublic());
    }

    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /**
     * {@code /apps.git}, {@code 'apps.git'} or {@code apps} to {@code apps}; null for anything that is not a plain
     * name. Only names in the served map are ever opened, so this is defence in depth, not the only guard.
     */
    static String repositoryName(String path) {
        String name = path.strip();
        if (name.length() >= 2 && (name.startsWith("'") && name.endsWith("'")
                || name.startsWith("\"") && name.endsWith("\""))) {
            name = name.substring(1, name.length() - 1);
        }
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - ".git".length());
        }
        boolean plain = !name.isEmpty() && !name.contains("..") && !name.startsWith("~")
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
        return plain ? name : null;
    }

    private Command command(ChannelSession channel, String commandLine) {
        List<String> words = CommandFactory.split(commandLine);
        if (words.size() != 2 || !(UPLOAD_PACK.equals(words.get(0)) || RECEIVE_PACK.equals(words.get(0)))) {
            return GitCommand.failing("fatal: only git-upload-pack and git-receive-pack are served");
        }
        String name = repositoryName(words.get(1));
        Repository repository = name == null ? null : served.get(name);
        if (repository == null) {
            // The wording git uses, which JGit turns into a NoRemoteRepositoryException.
            return GitCommand.failing("fatal: '" + words.get(1) + "' does not appear to be a git repository");
        }
        return new GitCommand(words.get(0), repository, null);
    }

    @Override
    public void close() {
        try {
            ssh.stop(true);
        } catch (IOException | RuntimeException e) {
            System.err.println("gitfleet test-support: Git SSH server did not stop cleanly: " + e);
        }
        created.values().forEach(GitRepository::close);
        TempDirs.deleteQuietly(root);
    }

    /**
     * One git-upload-pack or git-receive-pack. sshd calls {@link #start} on its I/O thread and expects it to return,
     * so the blocking pack protocol runs on a thread of its own and reports through the exit callback.
     */
    private static final class GitCommand implements Command {

        private final String service;
        private final Repository repository;
        private final String failure;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Thread thread;

        private GitCommand(String service, Repository repository, String failure) {
            this.service = service;
            this.repository = repository;
            this.failure = failure;
        }

        static GitCommand failing(String message) {
            return new GitCommand(null, null, message);
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            // A platform thread: sshd's channel output waits for the client's window inside synchronized, which
            // pins a virtual thread's carrier on Java 21, and a test machine has only a couple of carriers.
            thread = Thread.ofPlatform().daemon().name("gitfleet-git-ssh").start(this::run);
        }

        private void run() {
            try {
                if (failure != null) {
                    err.write((failure + "\n").getBytes(StandardCharsets.UTF_8));
                    err.flush();
                    exit.onExit(128, failure);
                    return;
                }
                if (UPLOAD_PACK.equals(service)) {
                    try (UploadPack upload = new UploadPack(repository)) {
                        upload.upload(in, out, err);
                    }
                } else {
                    new ReceivePack(repository).receive(in, out, err);
                }
                // sshd sends only what was flushed before the exit status closes the channel.
                out.flush();
                err.flush();
                exit.onExit(0);
            } catch (IOException | RuntimeException e) {
                String what = service == null ? "git command" : service;
                System.err.println("gitfleet test-support: " + what + " over SSH failed: " + e);
                exit.onExit(1, what + " failed: " + e.getMessage());
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            Thread running = thread;
            if (running != null) {
                running.interrupt();
            }
        }
    }
}
