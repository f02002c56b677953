package io.gitfleet.local.bench;

import static io.gitfleet.local.bench.JsonFields.field;

import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.StatusSigner;
import io.gitfleet.local.LocalPlatform;
import io.gitfleet.local.LocalPlatformConfig;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.process.Ports;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The status pipeline under load, end to end on this machine (API, PostgreSQL, Kafka all local): N clusters
 * registered through the API, A assignments targeting all of them, then rounds of N × A signed assignment-status
 * messages produced as fast as the producer goes: first reports, then one where every placement changes health,
 * then steady resyncs where nothing changes (what agents send most of the time). Reports the ingestion rate into
 * PostgreSQL per round; sustained 10,000 updates/s, of repeats and of changes, with produce → queryable probes;
 * staleness of single messages on the loaded system; produce → SSE event latency; and the latency of the fleet
 * summary and of fleet overview pages with everything loaded.
 *
 * <p>Usage: {@code tools/bench-status.sh [clusters] [assignments] [rounds]}
 */
public final class StatusIngestBench {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

    private final LocalPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String auth;

    private StatusIngestBench(LocalPlatform platform) {
        this.platform = platform;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + platform.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    private record Agent(UUID id, String credential) {
    }

    public static void main(String[] args) throws Exception {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int assignments = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            new StatusIngestBench(platform).run(clusters, assignments, rounds);
        }
    }

    private void run(int clusterCount, int assignmentCount, int rounds) throws Exception {
        api("POST", "/api/v1/tenants", "{\"name\":\"bench\",\"namespaces\":[\"apps-*\"]}");
        api("POST", "/api/v1/sources", "{\"tenant\":\"bench\",\"name\":\"repo\",\"url\":\"file:///nonexistent/b.git\","
                + "\"ref\":\"main\",\"pollInterval\":\"24h\"}");
        List<UUID> assignments = new ArrayList<>();
        for (int i = 0; i < assignmentCount; i++) {
            assignments.add(UUID.fromString(field(api("POST", "/api/v1/assignments", "{\"tenant\":\"bench\","
                    + "\"name\":\"app-" + i + "\",\"source\":\"repo\",\"path\":\"apps/" + i + "\",\"namespace\":"
                    + "\"apps-" + i + "\",\"selector\":{}}"), "id")));
        }
        long registering = System.nanoTime();
        List<Agent> agents = register(clusterCount);
        System.out.printf("%nStatus pipeline: %d clusters × %d assignments (registered in %.1f s), API + PostgreSQL"
                + " + Kafka on this host%n", clusterCount, assignmentCount, (System.nanoTime() - registering) / 1e9);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            for (int round = 1; round <= rounds; round++) {
                List<ProducerRecord<String, String>> messages = new ArrayList<>(clusterCount * assignmentCount);
                long lastSequence = 0;
                for (Agent agent : agents) {
                    for (UUID assignment : assignments) {
                        lastSequence = SEQUENCE.incrementAndGet();
                        messages.add(record(agent, assignment, lastSequence, round == 1 ? "Healthy" : "Degraded"));
                    }
                }
                long start = System.nanoTime();
                messages.forEach(producer::send);
                producer.flush();
                long produced = System.nanoTime();
                awaitStored(agents.getLast().id(), assignments.getLast(), lastSequence);
                double seconds = (System.nanoTime() - start) / 1e9;
                String kind = round == 1 ? "first reports (insert + 3 history entries each)"
                        : round == 2 ? "every placement changes health (update + 1 history entry each)"
                        : "steady resync (update, nothing changes)";
                System.out.printf("  round %d, %s:%n    %,d updates produced in %.1f s, all queryable after"
                        + " %.1f s → %,.0f updates/s (last produced → queryable %.1f s)%n", round, kind, messages.size(),
                        (produced - start) / 1e9, seconds, messages.size() / seconds,
                        (System.nanoTime() - produced) / 1e9);
            }
            paced(producer, agents, assignments, 10_000, 20, false);
            paced(producer, agents, assignments, 10_000, 20, true);
            staleness(producer, agents, assignments);
            sseLatency(producer, agents, assignments);
        }
        readLatency();
    }

    /**
     * Sustained load: {@code rate} updates/s for {@code seconds}; every 500th update is a probe whose produce →
     * queryable time a second thread measures while the load goes on. {@code changing}: every update says
     * something new (a new message), else every update repeats the stored status (a steady resync).
     */
    private void paced(KafkaProducer<String, String> producer, List<Agent> agents, List<UUID> assignments, int rate,
            int seconds, boolean changing) throws Exception {
        record Probe(Agent agent, UUID assignment, long sequence, long producedNanos) {
        }
        List<Probe> outstanding = Collections.synchronizedList(new ArrayList<>());
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean producing = new java.util.concurrent.atomic.AtomicBoolean(true);
        // One connection, every outstanding probe checked in one query every 10 ms: each probe's time is when it
        // was first seen, not when a sequential checker got round to it.
        Thread checker = Thread.ofPlatform().start(() -> {
            PostgresService postgres = platform.postgres();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password());
                    PreparedStatement query = c.prepareStatement("SELECT s.cluster_id, s.assignment_id, s.sequence"
                            + " FROM unnest(?::uuid[], ?::uuid[]) AS p(c, a) JOIN assignment_status s"
                            + " ON s.cluster_id = p.c AND s.assignment_id = p.a")) {
                while (producing.get() || !outstanding.isEmpty()) {
                    List<Probe> waiting;
                    synchronized (outstanding) {
                        waiting = new ArrayList<>(outstanding);
                    }
                    if (!waiting.isEmpty()) {
                        query.setArray(1, c.createArrayOf("uuid", waiting.stream().map(p -> p.agent().id())
                                .toArray()));
                        query.setArray(2, c.createArrayOf("uuid", waiting.stream().map(Probe::assignment).toArray()));
                        Map<String, Long> stored = new java.util.HashMap<>();
                        try (ResultSet result = query.executeQuery()) {
                            while (result.next()) {
                                stored.put(result.getObject(1) + "/" + result.getObject(2), result.getLong(3));
                            }
                        }
                        long now = System.nanoTime();
                        for (Probe probe : waiting) {
                            if (stored.getOrDefault(probe.agent().id() + "/" + probe.assignment(), 0L)
                                    >= probe.sequence()) {
                                millis.add((now - probe.producedNanos()) / 1e6);
                                outstanding.remove(probe);
                            }
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                Thread.sleep(wait / 1_000_000);
            }
            Agent agent = agents.get((int) (i % agents.size()));
            UUID assignment = assignments.get((int) (i / agents.size() % assignments.size()));
            long sequence = SEQUENCE.incrementAndGet();
            producer.send(record(agent, assignment, sequence, "Degraded", changing ? "tick " + i : null));
            if (i % 500 == 0) {
                outstanding.add(new Probe(agent, assignment, sequence, System.nanoTime()));
            }
        }
        producer.flush();
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        producing.set(false);
        checker.join();
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  sustained %,d updates/s for %d s, %s (achieved %,.0f/s): produce → queryable of %d"
                + " probes p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", rate, seconds,
                changing ? "every update a change" : "every update a repeat", total / produceSeconds, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.getLast());
    }

    /** Single messages on the loaded system: produce → row visible in PostgreSQL. */
    private void staleness(KafkaProducer<String, String> producer, List<Agent> agents, List<UUID> assignments)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Agent agent = agents.get(i * 97 % agents.size());
            UUID assignment = assignments.get(i % assignments.size());
            long sequence = SEQUENCE.incrementAndGet();
            long start = System.nanoTime();
            producer.send(record(agent, assignment, sequence, "Healthy"));
            producer.flush();
            awaitStored(agent.id(), assignment, sequence);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("  produce → queryable (100 single updates)  p50 %6.1f ms  p99 %6.1f ms%n",
                millis.get(49), millis.get(98));
    }

    /** Produce → the event on a server-sent-events stream filtered to the assignment. */
    private void sseLatency(KafkaProducer<String, String> producer, List<Agent> agents, List<UUID> assignments)
            throws Exception {
        UUID assignment = assignments.getFirst();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/status/events?assignment="
                + assignment)).header("Authorization", auth).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("data:")).forEach(events::add));
        Thread.sleep(1000); // the stream subscribes asynchronously; a measurement, not a test
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Agent agent = agents.get(i * 31 % agents.size());
            long start = System.nanoTime();
            // A new message each time: a report that repeats the stored status is (rightly) not an event.
            producer.send(record(agent, assignment, SEQUENCE.incrementAndGet(), "Healthy", "probe " + i));
            producer.flush();
            String clusterId = "\"clusterId\":\"" + agent.id() + "\"";
            while (true) {
                String event = events.poll(30, TimeUnit.SECONDS);
                if (event == null) {
                    throw new IllegalStateException("no SSE event for " + agent.id());
                }
                if (event.contains(clusterId)) {
                    break;
                }
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("  produce → SSE event (100 updates)          p50 %6.1f ms  p99 %6.1f ms%n",
                millis.get(49), millis.get(98));
    }

    private void readLatency() throws Exception {
        for (String path : List.of("summary", "summary?tenant=bench", "summary?selector=bench%3Dyes",
                "clusters?size=50", "clusters?size=50&selector=bench%3Dyes&sort=-lastHeartbeatAt",
                "clusters?size=50&page=150")) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long start = System.nanoTime();
                api("GET", "/api/v1/status/" + path, "");
                if (i >= 5) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            Collections.sort(millis);
            System.out.printf("  GET /api/v1/status/%-62s p50 %6.1f ms  p99 %6.1f ms%n", path,
                    millis.get(millis.size() / 2), millis.getLast());
        }
        System.out.println("  " + api("GET", "/api/v1/status/summary", ""));
    }

    private ProducerRecord<String, String> record(Agent agent, UUID assignment, long sequence, String health) {
        return record(agent, assignment, sequence, health, null);
    }

    /** {@code message} null or plain text (no quotes). */
    private ProducerRecord<String, String> record(Agent agent, UUID assignment, long sequence, String health,
            String message) {
        String now = Instant.now().toString();
        String payload = "{\"assignmentId\":\"" + assignment + "\",\"generation\":1,\"desiredRevision\":null,"
                + "\"appliedRevision\":null,\"phase\":\"Synced\",\"health\":\"" + health + "\",\"message\":"
                + (message == null ? "null" : "\"" + message + "\"") + ","
                + "\"inventory\":[{\"group\":\"apps\",\"kind\":\"Deployment\",\"namespace\":\"apps\",\"name\":\"web\","
                + "\"action\":\"unchanged\",\"health\":\"" + health + "\",\"message\":null}],\"drift\":[],"
                + "\"startedAt\":\"" + now + "\",\"finishedAt\":\"" + now + "\"}";
        StatusEnvelope envelope = StatusSigner.sign(agent.credential(), agent.id(), sequence, now,
                StatusEnvelope.ASSIGNMENT_STATUS, payload);
        String value = "{\"schemaVersion\":1,\"clusterId\":\"" + agent.id() + "\",\"sequence\":" + sequence
                + ",\"sentAt\":\"" + now + "\",\"type\":\"assignment-status\",\"payload\":" + quote(payload)
                + ",\"tag\":\"" + envelope.tag() + "\"}";
        return new ProducerRecord<>(Topics.AGENT_STATUS, agent.id().toString(), value);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void awaitStored(UUID cluster, UUID assignment, long sequence) throws Exception {
        PostgresService postgres = platform.postgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                PreparedStatement query = c.prepareStatement("SELECT 1 FROM assignment_status WHERE cluster_id = ?"
                        + " AND assignment_id = ? AND sequence >= ?")) {
            query.setObject(1, cluster);
            query.setObject(2, assignment);
            query.setLong(3, sequence);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet result = query.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
                Thread.sleep(2);
            }
        }
        throw new IllegalStateException("status of " + cluster + " never stored");
    }

    /** Registers clusters through the API (token, then registration), 16 at a time. */
    private List<Agent> register(int count) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Agent>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(executor.submit(() -> {
                    inFlight.acquire();
                    try {
                        String token = field(api("POST", "/api/v1/registration-tokens", "{\"clusterName\":\"c-" + n
                                + "\",\"labels\":{\"bench\":\"" + (n % 2 == 0 ? "yes" : "no") + "\"}}"), "token");
                        String registration = send(HttpRequest.newBuilder(URI.create(platform.apiUrl()
                                + "/api/v1/agents/register")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build());
                        return new Agent(UUID.fromString(field(registration, "clusterId")),
                                field(registration, "credential"));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<Agent> agents = new ArrayList<>();
            for (Future<Agent> future : futures) {
                agents.add(future.get());
            }
            return agents;
        }
    }

    private String api(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + path)).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
