package io.gitfleet.testsupport.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.process.HttpProbe;
import io.gitfleet.testsupport.process.ManagedProcess;
import io.gitfleet.testsupport.process.Ports;
import io.gitfleet.testsupport.process.TempDirs;
import io.gitfleet.testsupport.process.Waits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keycloak as a child process. Each instance gets its own home: {@code bin/} and {@code conf/} copied, the large
 * {@code lib/}, {@code providers/} and {@code themes/} linked to the cached build, and an empty {@code data/} with
 * the realm to import, so instances never share state and the cache stays read-only.
 */
final class LocalKeycloak implements KeycloakService {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final ManagedProcess process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalKeycloak(Path home, ManagedProcess process, String baseUrl) {
        this.home = home;
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static LocalKeycloak start() {
        Path dist = KeycloakDistribution.ensureBuilt();
        Path home = TempDirs.create("keycloak");
        ManagedProcess process = null;
        try {
            layOutHome(dist, home);
            int httpPort = Ports.freeLoopbackPort();
            int managementPort = Ports.freeLoopbackPort();
            Map<String, String> env = new HashMap<>(KeycloakDistribution.environment());
            // The master realm's admin: random, never printed; tests use the gitfleet realm's users.
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString());
            process = ManagedProcess.start("keycloak", List.of(
                    home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    // without local cache Keycloak opens clustering ports on every interface
                    "--cache=local",
                    "--http-enabled=true",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--hostname-strict=false",
                    "--import-realm"), home, env, home.resolve("keycloak.log"));
            String baseUrl = "http://127.0.0.1:" + httpPort;
            LocalKeycloak keycloak = new LocalKeycloak(home, process, baseUrl);
            String ready = "http://127.0.0.1:" + managementPort + "/health/ready";
            Waits.until("Keycloak " + ready, START_TIMEOUT, process,
                    () -> HttpProbe.status(keycloak.http, ready) == 200);
            String discovery = keycloak.issuerUrl() + "/.well-known/openid-configuration";
            Waits.until("realm discovery " + discovery, START_TIMEOUT, process,
                    () -> HttpProbe.status(keycloak.http, discovery) == 200);
            return keycloak;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.close();
            }
            TempDirs.deleteQuietly(home);
            throw ServiceStartException.of("Keycloak", e);
        }
    }

    private static void layOutHome(Path dist, Path home) throws IOException {
        for (String shared : List.of("lib", "providers", "themes")) {
            Files.createSymbolicLink(home.resolve(shared), dist.resolve(shared));
        }
        for (String copied : List.of("bin", "conf")) {
            copyTree(dist.resolve(copied), home.resolve(copied));
        }
        if (Files.exists(dist.resolve("version.txt"))) {
            Files.copy(dist.resolve("version.txt"), home.resolve("version.txt"));
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = LocalKeycloak.class.getResourceAsStream("/keycloak/gitfleet-realm.json")) {
            if (realm == null) {
                throw new IOException("keycloak/gitfleet-realm.json is missing from test-support");
            }
            Files.copy(realm, imports.resolve("gitfleet-realm.json"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                    target.toFile().setExecutable(Files.isExecutable(source));
                }
            }
        }
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String accessToken(String username, String password) {
        String form = "grant_type=password&client_id=" + encode(CLI_CLIENT) + "&username=" + encode(username)
                + "&password=" + encode(password) + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request for " + username + " failed: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.close();
        TempDirs.deleteQuietly(home);
    }
}
