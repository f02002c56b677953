package io.gitfleet.testsupport.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.TestService;
import io.gitfleet.testsupport.process.TempDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol on loopback, serving bare JGit repositories from a temp dir. Clients (JGit, the git
 * CLI) can clone, fetch and push. With credentials set, every request needs HTTP Basic auth, the way Git hosts
 * accept a token as the password.
 *
 * <p>Serves protocol v0 only; v2 clients fall back to it, which is what matters for fetch behaviour.
 */
public final class GitServer implements TestService {

    private static final String UPLOAD_PACK = "git-upload-pack";
    private static final String RECEIVE_PACK = "git-receive-pack";

    private final HttpServer http;
    private final ExecutorService executor;
    private final Path root;
    private final Optional<String> expectedAuthorization;
    private final Map<String, GitRepository> repositories = new ConcurrentHashMap<>();

    private GitServer(HttpServer http, ExecutorService executor, Path root, Optional<String> expectedAuthorization) {
        this.http = http;
        this.executor = executor;
        this.root = root;
        this.expectedAuthorization = expectedAuthorization;
    }

    /** A server that needs no credentials. */
    public static GitServer start() {
        return start(Optional.empty());
    }

    /** A server that answers only requests carrying these Basic credentials (user + password or token). */
    public static GitServer startWithCredentials(String username, String password) {
        String encoded = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return start(Optional.of("Basic " + encoded));
    }

    private static GitServer start(Optional<String> expectedAuthorization) {
        Path root = TempDirs.create("git");
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            http.setExecutor(executor);
            GitServer server = new GitServer(http, executor, root, expectedAuthorization);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            TempDirs.deleteQuietly(root);
            throw new ServiceStartException("Git HTTP server did not start: " + e.getMessage(), e);
        }
    }

    /** Creates an empty bare repository served at {@code <baseUrl>/<name>.git}. */
    public GitRepository createRepository(String name) {
        GitRepository repository = GitRepository.create(root.resolve(name + ".git"),
                root.resolve("worktrees").resolve(name), url(name));
        if (repositories.putIfAbsent(name, repository) != null) {
            repository.close();
            throw new IllegalArgumentException("repository " + name + " already exists");
        }
        return repository;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public String url(String repositoryName) {
        return baseUrl() + "/" + repositoryName + ".git";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (expectedAuthorization.isPresent()
                    && !expectedAuthorization.get().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"gitfleet-test-git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            GitRequest request = GitRequest.parse(exchange.getRequestMethod(), exchange.getRequestURI());
            GitRepository repository = request == null ? null : repositories.get(request.repository());
            if (repository == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            switch (request.kind()) {
                case ADVERTISE -> advertise(exchange, repository.bare(), request.service());
                case UPLOAD_PACK -> uploadPack(exchange, repository.bare());
                case RECEIVE_PACK -> receivePack(exchange, repository.bare());
            }
        } catch (RuntimeException e) {
            System.err.println("gitfleet test-support: Git request failed: " + e);
            throw e;
        }
    }

    private void advertise(HttpExchange exchange, Repository repository, String service) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        PacketLineOut packets = new PacketLineOut(out);
        packets.writeString("# service=" + service + "\n");
        packets.end();
        PacketLineOutRefAdvertiser advertiser = new PacketLineOutRefAdvertiser(packets);
        if (UPLOAD_PACK.equals(service)) {
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.sendAdvertisedRefs(advertiser);
        } else {
            ReceivePack receive = new ReceivePack(repository);
            receive.setBiDirectionalPipe(false);
            receive.sendAdvertisedRefs(advertiser);
        }
        out.flush();
    }

    private void uploadPack(HttpExchange exchange, Repository repository) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        UploadPack upload = new UploadPack(repository);
        upload.setBiDirectionalPipe(false);
        upload.upload(requestBody(exchange), exchange.getResponseBody(), null);
    }

    private void receivePack(HttpExchange exchange, Repository repository) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-receive-pack-result");
        exchange.sendResponseHeaders(200, 0);
        ReceivePack receive = new ReceivePack(repository);
        receive.setBiDirectionalPipe(false);
        receive.receive(requestBody(exchange), exchange.getResponseBody(), null);
    }

    private static InputStream requestBody(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream body = exchange.getRequestBody();
        return "gzip".equalsIgnoreCase(encoding) || "x-gzip".equalsIgnoreCase(encoding)
                ? new GZIPInputStream(body) : body;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        repositories.values().forEach(GitRepository::close);
        TempDirs.deleteQuietly(root);
    }

    /** One parsed smart-HTTP request: which repository, and which of the three protocol endpoints. */
    private record GitRequest(String repository, Kind kind, String service) {

        enum Kind { ADVERTISE, UPLOAD_PACK, RECEIVE_PACK }

        static GitRequest parse(String method, java.net.URI uri) {
            String path = uri.getPath();
            String query = uri.getQuery() == null ? "" : uri.getQuery();
            if ("GET".equals(method) && path.endsWith(".git/info/refs")) {
                String service = query.startsWith("service=") ? query.substring("service=".length()) : "";
                if (!UPLOAD_PACK.equals(service) && !RECEIVE_PACK.equals(service)) {
                    return null; // the dumb protocol is not served
                }
                return new GitRequest(name(path, "/info/refs"), Kind.ADVERTISE, service);
            }
            if ("POST".equals(method) && path.endsWith(".git/" + UPLOAD_PACK)) {
                return new GitRequest(name(path, "/" + UPLOAD_PACK), Kind.UPLOAD_PACK, UPLOAD_PACK);
            }
            if ("POST".equals(method) && path.endsWith(".git/" + RECEIVE_PACK)) {
                return new GitRequest(name(path, "/" + RECEIVE_PACK), Kind.RECEIVE_PACK, RECEIVE_PACK);
            }
            return null;
        }

        private static String name(String path, String suffix) {
            String withGit = path.substring(1, path.length() - suffix.length());
            return withGit.substring(0, withGit.length() - ".git".length());
        }
    }
}
