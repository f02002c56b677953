package io.gitfleet.testsupport.kube;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.process.HttpProbe;
import io.gitfleet.testsupport.process.ManagedProcess;
import io.gitfleet.testsupport.process.Ports;
import io.gitfleet.testsupport.process.TempDirs;
import io.gitfleet.testsupport.process.Waits;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * etcd + kube-apiserver as child processes on loopback, each with its own ports and data dir, so every instance
 * is an independent cluster. The API server generates its own serving certificate (signed by a throwaway CA it
 * writes next to it), authenticates an admin by a static token and authorizes with RBAC.
 */
final class LocalKubeApiServer implements KubeApiService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final ManagedProcess etcd;
    private final ManagedProcess apiserver;
    private final String masterUrl;
    private final String token;
    private final Path caCert;
    private final Path kubeconfig;

    private LocalKubeApiServer(Path dir, ManagedProcess etcd, ManagedProcess apiserver, String masterUrl,
            String token, Path caCert, Path kubeconfig) {
        this.dir = dir;
        this.etcd = etcd;
        this.apiserver = apiserver;
        this.masterUrl = masterUrl;
        this.token = token;
        this.caCert = caCert;
        this.kubeconfig = kubeconfig;
    }

    static LocalKubeApiServer start() {
        KubeBinaries binaries = KubeBinaries.locate();
        Path dir = TempDirs.create("kube");
        ManagedProcess etcd = null;
        ManagedProcess apiserver = null;
        try {
            int etcdClientPort = Ports.freeLoopbackPort();
            etcd = startEtcd(binaries.etcd(), dir, etcdClientPort);
            String etcdUrl = "http://127.0.0.1:" + etcdClientPort;
            HttpClient plain = HttpClient.newHttpClient();
            Waits.until("etcd health at " + etcdUrl, START_TIMEOUT, etcd,
                    () -> HttpProbe.status(plain, etcdUrl + "/health") == 200);

            String token = HexFormat.of().formatHex(randomBytes(24));
            Path certDir = Files.createDirectories(dir.resolve("certs"));
            Path saKey = writeServiceAccountKey(dir.resolve("sa.key"));
            Path tokens = Files.writeString(dir.resolve("tokens.csv"),
                    token + ",gitfleet-admin,gitfleet-admin,\"system:masters\"\n");
            int port = Ports.freeLoopbackPort();
            apiserver = ManagedProcess.start("kube-apiserver", List.of(
                    binaries.kubeApiServer().toString(),
                    "--etcd-servers=" + etcdUrl,
                    "--bind-address=127.0.0.1",
                    "--advertise-address=127.0.0.1",
                    "--secure-port=" + port,
                    // 1.20 still opens an unauthenticated port 8080 unless told not to
                    "--insecure-port=0",
                    "--cert-dir=" + certDir,
                    "--token-auth-file=" + tokens,
                    "--authorization-mode=RBAC",
                    "--service-account-key-file=" + saKey,
                    "--service-account-signing-key-file=" + saKey,
                    "--service-account-issuer=https://kubernetes.default.svc",
                    "--service-cluster-ip-range=10.0.0.0/24",
                    // no controller-manager creates default ServiceAccounts, so Pods would be refused
                    "--disable-admission-plugins=ServiceAccount",
                    "--enable-priority-and-fairness=false",
                    "--profiling=false",
                    "--v=0"), dir, Map.of(), dir.resolve("kube-apiserver.log"));

            String masterUrl = "https://127.0.0.1:" + port;
            Path caCert = certDir.resolve("apiserver.crt");
            // The server writes its self-signed certificate before it listens, so once the port is open the file
            // is complete and can be trusted.
            Waits.until("kube-apiserver port " + port, START_TIMEOUT, apiserver, () -> Ports.isListening(port));
            HttpClient https = TrustedHttp.client(caCert);
            Waits.until("kube-apiserver /readyz at " + masterUrl, START_TIMEOUT, apiserver,
                    () -> HttpProbe.status(https, masterUrl + "/readyz", token) == 200);
            Path kubeconfig = Kubeconfig.write(dir.resolve("kubeconfig"), masterUrl, caCert, token);
            return new LocalKubeApiServer(dir, etcd, apiserver, masterUrl, token, caCert, kubeconfig);
        } catch (IOException | RuntimeException e) {
            if (apiserver != null) {
                apiserver.close();
            }
            if (etcd != null) {
                etcd.close();
            }
            TempDirs.deleteQuietly(dir);
            throw ServiceStartException.of("kube-apiserver", e);
        }
    }

    private static ManagedProcess startEtcd(Path binary, Path dir, int clientPort) {
        int peerPort = Ports.freeLoopbackPort();
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        return ManagedProcess.start("etcd", List.of(
                binary.toString(),
                "--name=gitfleet",
                "--data-dir=" + dir.resolve("etcd"),
                "--listen-client-urls=" + client,
                "--advertise-client-urls=" + client,
                "--listen-peer-urls=" + peer,
                "--initial-advertise-peer-urls=" + peer,
                "--initial-cluster=gitfleet=" + peer,
                "--log-level=warn"), dir, Map.of(), dir.resolve("etcd.log"));
    }

    private static Path writeServiceAccountKey(Path file) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            return Files.writeString(file, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is always available", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Override
    public String masterUrl() {
        return masterUrl;
    }

    @Override
    public String adminToken() {
        return token;
    }

    @Override
    public Path caCertFile() {
        return caCert;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public void close() {
        apiserver.close();
        etcd.close();
        TempDirs.deleteQuietly(dir);
    }
}
