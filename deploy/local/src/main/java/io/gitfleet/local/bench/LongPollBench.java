package io.gitfleet.local.bench;

import static io.gitfleet.local.bench.JsonFields.field;

import io.gitfleet.local.LocalPlatform;
import io.gitfleet.local.LocalPlatformConfig;
import io.gitfleet.testsupport.process.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How fast a change wakes waiting agents: N agents (half on each of two API replicas sharing one database) hold
 * long-polls on their desired state; an assignment's "sync now" on replica 1 must wake all of them. Reports
 * wake-up latency percentiles from the moment the change request is sent to each agent's 200 response.
 *
 * <p>Usage: {@code tools/bench-longpoll.sh [agents] [rounds]}
 */
public final class LongPollBench {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminAuth;
    private final String api;

    private LongPollBench(String api, String adminPassword) {
        this.api = api;
        this.adminAuth = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            String replica = platform.startApiReplica(Ports.freeLoopbackPort());
            new LongPollBench(platform.apiUrl(), platform.adminPassword()).run(agents, rounds, replica);
        }
    }

    private record Agent(String credential, String api) {
    }

    private void run(int agentCount, int rounds, String replica) throws Exception {
        admin("POST", "/api/v1/tenants", "{\"name\":\"bench\",\"namespaces\":[\"apps\"]}");
        admin("POST", "/api/v1/sources", "{\"tenant\":\"bench\",\"name\":\"repo\",\"url\":\"file:///nonexistent/bench.git\","
                + "\"ref\":\"main\",\"pollInterval\":\"24h\"}");
        String assignment = field(admin("POST", "/api/v1/assignments", "{\"tenant\":\"bench\",\"name\":\"web\","
                + "\"source\":\"repo\",\"path\":\"apps/web\",\"namespace\":\"apps\","
                + "\"selector\":{\"matchLabels\":{\"bench\":\"longpoll\"}}}"), "id");
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            String token = field(admin("POST", "/api/v1/registration-tokens", "{\"clusterName\":\"bench-" + i
                    + "\",\"labels\":{\"bench\":\"longpoll\"}}"), "token");
            String registration = send(HttpRequest.newBuilder(URI.create(api + "/api/v1/agents/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), 200);
            agents.add(new Agent(field(registration, "credential"), i % 2 == 0 ? api : replica));
        }
        List<Double> sameReplica = new ArrayList<>();
        List<Double> otherReplica = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<CompletableFuture<Long>> wakes = new ArrayList<>();
            for (Agent agent : agents) {
                HttpResponse<String> current = http.send(desired(agent, null, null), HttpResponse.BodyHandlers.ofString());
                String etag = current.headers().firstValue("ETag").orElseThrow();
                wakes.add(http.sendAsync(desired(agent, etag, "30s"), HttpResponse.BodyHandlers.discarding())
                        .thenApply(response -> {
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("long-poll answered " + response.statusCode());
                            }
                            return System.nanoTime();
                        }));
            }
            // A benchmark, not a test: give every long-poll time to be parked on its replica.
            Thread.sleep(1500);
            long changed = System.nanoTime();
            admin("POST", "/api/v1/assignments/" + assignment + "/sync", "");
            for (int i = 0; i < agents.size(); i++) {
                double millis = (wakes.get(i).get() - changed) / 1_000_000.0;
                (agents.get(i).api().equals(api) ? sameReplica : otherReplica).add(millis);
            }
        }
        List<Double> all = new ArrayList<>(sameReplica);
        all.addAll(otherReplica);
        System.out.printf("%nLong-poll wake-up after an assignment change: %d agents x %d rounds, 2 API replicas%n",
                agentCount, rounds);
        report("all agents", all);
        report("same replica as the change", sameReplica);
        report("other replica (via PostgreSQL NOTIFY)", otherReplica);
    }

    private static void report(String label, List<Double> samples) {
        Collections.sort(samples);
        System.out.printf("  %-40s n=%4d  p50=%7.1f ms  p99=%7.1f ms  max=%7.1f ms%n", label, samples.size(),
                percentile(samples, 50), percentile(samples, 99), samples.get(samples.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private HttpRequest desired(Agent agent, String etag, String wait) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(agent.api() + "/api/v1/agents/self/assignments"
                        + (wait == null ? "" : "?wait=" + wait)))
                .header("Authorization", "Bearer " + agent.credential())
                .timeout(Duration.ofSeconds(60));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return request.GET().build();
    }

    private String admin(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", adminAuth)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request, -1);
    }

    private String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 || (expected > 0 && response.statusCode() != expected)) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
