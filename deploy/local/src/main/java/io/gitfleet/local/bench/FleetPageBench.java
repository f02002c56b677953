package io.gitfleet.local.bench;

import io.gitfleet.local.LocalPlatform;
import io.gitfleet.local.LocalPlatformConfig;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.process.Ports;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Fleet list latency at scale: seeds N clusters with labels straight into the database, then times the cluster list
 * API (filter, label selector, sort, deep page) as the console would call it.
 *
 * <p>Usage: {@code tools/bench-fleet-page.sh [clusters] [requests per query]}
 */
public final class FleetPageBench {

    public static void main(String[] args) throws Exception {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            seed(platform.postgres(), clusters);
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + platform.adminPassword())
                    .getBytes(StandardCharsets.UTF_8));
            System.out.printf("%nCluster list over %d clusters, %d requests per query (after 10 warm-up)%n",
                    clusters, requests);
            for (String query : List.of("size=50", "size=50&sort=-lastHeartbeatAt",
                    "size=50&selector=" + encode("env=prod,region in (eu,us),!canary"),
                    "size=50&page=100&selector=" + encode("env!=dev"),
                    "size=50&name=" + encode("cluster-09") + "&state=Connected")) {
                List<Double> millis = new ArrayList<>();
                long total = -1;
                for (int i = 0; i < requests + 10; i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/clusters?"
                            + query)).header("Authorization", auth).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    double elapsed = (System.nanoTime() - start) / 1_000_000.0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(query + " answered " + response.statusCode());
                    }
                    if (i >= 10) {
                        millis.add(elapsed);
                    }
                    total = Long.parseLong(response.body().replaceAll(".*\"total\":(\\d+).*", "$1"));
                }
                Collections.sort(millis);
                System.out.printf("  %-70s total=%5d  p50=%6.1f ms  p99=%6.1f ms%n", query, total,
                        millis.get(millis.size() / 2), millis.get((int) Math.ceil(0.99 * millis.size()) - 1));
            }
        }
    }

    /** Inserts {@code clusters} clusters with env/region(/canary) labels straight into the database. */
    static void seed(PostgresService postgres, int clusters) throws Exception {
        String[] envs = { "prod", "dev", "stage" };
        String[] regions = { "eu", "us", "ap", "sa" };
        String[] states = { "Connected", "Connected", "Connected", "Offline", "Pending" };
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO cluster (id, name, labels, state, created_at, updated_at, last_heartbeat_at)
                        VALUES (?, ?, ?::jsonb, ?, now(), now(), now() - make_interval(secs => ?))""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < clusters; i++) {
                String labels = "{\"env\":\"%s\",\"region\":\"%s\"%s}".formatted(envs[random.nextInt(3)],
                        regions[random.nextInt(4)], random.nextInt(10) == 0 ? ",\"canary\":\"true\"" : "");
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "cluster-%05d".formatted(i));
                insert.setString(3, labels);
                insert.setString(4, states[random.nextInt(states.length)]);
                insert.setInt(5, random.nextInt(3600));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
            try (var analyze = c.createStatement()) {
                analyze.execute("ANALYZE cluster");
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
