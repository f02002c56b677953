package io.gitfleet.api.status;

import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.api.auth.AgentCredentials;
import io.gitfleet.api.support.AgentReports;
import io.gitfleet.api.support.Database;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agent status over the real Kafka broker into the real PostgreSQL: what is trusted, what is dropped, and why. */
@QuarkusTest
class StatusIngestionTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @InjectService
    PostgresService postgres;

    @Inject
    ObjectMapper json;

    @Inject
    AgentCredentials credentials;

    @Inject
    StatusBatchWriter writer;

    @Inject
    LivenessMonitor liveness;

    @Inject
    StatusIngestor ingestor;

    private Database db;
    private AgentReports agents;
    private UUID cluster;
    private String credential;
    private UUID assignment;

    @BeforeEach
    void clusterWithAnAssignment() {
        db = new Database(postgres);
        agents = new AgentReports(json);
        String tenant = Names.unique("st");
        Fixture.tenant(tenant, tenant);
        Fixture.source(tenant, "repo", "https://git.example.com/apps.git");
        assignment = UUID.fromString(Fixture.assignment(tenant, "web", "repo", tenant,
                Map.of("matchLabels", Map.of("team", tenant))));
        String[] registered = Fixture.registeredCluster(Names.unique("edge"), Map.of("team", tenant));
        cluster = UUID.fromString(registered[0]);
        credential = registered[1];
    }

    @AfterEach
    void close() {
        agents.close();
    }

    @Test
    void aTrustedStatusIsStoredWithItsTransitions() {
        send(heartbeat(credential, cluster, next()));
        send(status(credential, cluster, next(), SyncPhase.Synced, Health.Healthy, "c0ffee",
                List.of(new DriftedObject("", "ConfigMap", "web", "settings", List.of("/data/value"), false, false))));

        await().atMost(WITHIN).until(() -> !stored().isEmpty());
        assertThat(stored().getFirst()).containsExactly("Synced", "Healthy", "c0ffee", 1);
        assertThat(db.rows("SELECT last_heartbeat_at IS NOT NULL, agent_version, state FROM cluster WHERE id = ?",
                cluster).getFirst()).containsExactly(true, "1.2.3", "Connected");
        assertThat(history()).containsExactly("phase:null->Synced", "health:null->Healthy",
                "revision:null->c0ffee", "drift-found:null->1");
        assertThat(db.rows("SELECT inventory->0->>'name', drift->0->'fields'->>0 FROM assignment_status"
                + " WHERE cluster_id = ?", cluster).getFirst()).containsExactly("settings", "/data/value");
    }

    @Test
    void olderAndReplayedMessagesChangeNothing() {
        long newer = next();
        long older = newer - 1;
        StatusEnvelope synced = status(credential, cluster, newer, SyncPhase.Synced, Health.Healthy, "b", List.of());
        send(synced);
        send(status(credential, cluster, older, SyncPhase.Failed, Health.Degraded, "a", List.of()));
        send(synced);
        marker();

        assertThat(stored()).singleElement().satisfies(row -> assertThat(row.subList(0, 3))
                .containsExactly("Synced", "Healthy", "b"));
        assertThat(history()).filteredOn(h -> h.startsWith("phase")).containsExactly("phase:null->Synced");
        assertThat(dropped("stale")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aClusterCannotReportForAnotherAndForgeriesAreAudited() {
        String[] other = Fixture.registeredCluster(Names.unique("other"), Map.of());
        // The other agent's own credential, claiming to be this cluster.
        send(status(other[1], cluster, next(), SyncPhase.Failed, Health.Degraded, "evil", List.of()));
        // This cluster's record key with the other cluster's id in the envelope is refused too.
        StatusEnvelope misrouted = status(other[1], UUID.fromString(other[0]), next(), SyncPhase.Failed,
                Health.Degraded, "evil", List.of());
        agents.sendRaw(cluster.toString(), text(misrouted));
        marker();

        assertThat(stored()).isEmpty();
        assertThat(db.rows("SELECT summary->>'reason' FROM audit_event WHERE action = 'agent.status'"
                + " AND target_id = ? AND outcome = 'denied'", cluster.toString()))
                .extracting(row -> (String) row.getFirst())
                .anyMatch(reason -> reason.startsWith("forged: tag does not verify"));
        assertThat(db.rows("SELECT count(*) FROM audit_event WHERE action = 'agent.status' AND target_id = ?"
                + " AND summary->>'reason' LIKE 'forged: record key%'", other[0]).getFirst().getFirst())
                .isEqualTo(1L);
    }

    @Test
    void aFloodOfForgeriesIsAuditedOncePerBatchWithItsCount() throws Exception {
        String[] other = Fixture.registeredCluster(Names.unique("flood"), Map.of());
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> forged = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            forged.add(new org.apache.kafka.clients.consumer.ConsumerRecord<>(Topics.AGENT_STATUS, 0, i,
                    cluster.toString(), text(status(other[1], cluster, next(), SyncPhase.Failed, Health.Degraded,
                            "evil", List.of()))));
        }
        try (DeadLetters deadLetters = new DeadLetters(AgentReports.bootstrapServers())) {
            ingestor.ingest(new org.apache.kafka.clients.consumer.ConsumerRecords<>(Map.of(
                    new org.apache.kafka.common.TopicPartition(Topics.AGENT_STATUS, 0), forged), Map.of()),
                    deadLetters);
        }

        assertThat(stored()).isEmpty();
        assertThat(db.rows("SELECT summary->>'reason' FROM audit_event WHERE action = 'agent.status'"
                + " AND target_id = ? AND outcome = 'denied'", cluster.toString()))
                .extracting(row -> (String) row.getFirst())
                .containsExactly("forged: tag does not verify with the cluster's credential (50 messages)");
    }

    @Test
    void aRevokedClusterWritesNothingEvenWithAValidTag() {
        bootstrapAdmin().post("/api/v1/clusters/" + cluster + "/revoke").then().statusCode(200);
        int generation = (Integer) db.rows("SELECT credential_generation FROM cluster WHERE id = ?", cluster)
                .getFirst().getFirst();
        String current = credentials.issue(cluster, generation);
        send(status(current, cluster, next(), SyncPhase.Synced, Health.Healthy, "x", List.of()));
        send(status(credential, cluster, next(), SyncPhase.Synced, Health.Healthy, "x", List.of()));

        await().atMost(WITHIN).until(() -> dropped("revoked") >= 1);
        await().atMost(WITHIN).until(() -> db.rows("SELECT 1 FROM audit_event WHERE action = 'agent.status'"
                + " AND target_id = ? AND summary->>'reason' LIKE 'forged%'", cluster.toString()).size() == 1);
        assertThat(stored()).isEmpty();
    }

    @Test
    void aBatchWrittenTwiceByTwoReplicasCountsOnce() {
        // Two replicas holding the same partition for a moment during a rebalance both judged the batch against
        // the same trust facts; whichever writes second must change nothing.
        Triage triage = new Triage(json, credentials::issue);
        List<StatusRecord> records = new ArrayList<>();
        for (StatusEnvelope envelope : List.of(heartbeat(credential, cluster, next()),
                status(credential, cluster, next(), SyncPhase.Synced, Health.Healthy, "r1", List.of()),
                status(credential, cluster, next(), SyncPhase.Synced, Health.Progressing, "r2", List.of()))) {
            records.add(new StatusRecord(Topics.AGENT_STATUS, 0, records.size(), cluster.toString(), text(envelope)));
        }
        var parsed = triage.parse(records);
        Map<UUID, ClusterTrust> trust = Map.of(cluster, new ClusterTrust(cluster, 1,
                io.gitfleet.api.cluster.ClusterState.Connected, 0));
        Triage.Result sorted = triage.sort(parsed, trust);
        assertThat(sorted.accepted()).hasSize(3);

        var first = writer.write(sorted.accepted(), trust, Instant.now()).await().indefinitely();
        var second = writer.write(sorted.accepted(), trust, Instant.now()).await().indefinitely();

        assertThat(first.statuses()).isEqualTo(1);
        assertThat(second.statuses()).isZero();
        assertThat(second.clusters()).isEmpty();
        assertThat(stored()).singleElement().satisfies(row -> assertThat(row.subList(0, 3))
                .containsExactly("Synced", "Progressing", "r2"));
        assertThat(history()).containsExactly("phase:null->Synced", "health:null->Progressing",
                "revision:null->r2");
    }

    @Test
    void aRepeatedReportMovesOnlyItsSequenceAndTimes() {
        Map<UUID, ClusterTrust> trust = Map.of(cluster, new ClusterTrust(cluster, 1,
                io.gitfleet.api.cluster.ClusterState.Connected, 0));
        Instant first = Instant.parse("2026-11-27T10:00:00Z");
        Instant later = Instant.parse("2026-11-27T10:03:00Z");
        var changed = writer.write(judged(trust, status(credential, cluster, next(), SyncPhase.Synced,
                Health.Healthy, "r1", List.of())), trust, first).await().indefinitely();
        long repeat = next();
        var repeated = writer.write(judged(trust, status(credential, cluster, repeat, SyncPhase.Synced,
                Health.Healthy, "r1", List.of())), trust, later).await().indefinitely();

        assertThat(changed.placements()).contains(new StatusBatchWriter.Placement(cluster, assignment));
        assertThat(repeated.statuses()).isEqualTo(1);
        assertThat(repeated.placements()).as("a repeat is not news for live views").isEmpty();
        assertThat(db.rows("SELECT sequence, received_at = ?::timestamptz, changed_at = ?::timestamptz,"
                + " inventory->0->>'name' FROM assignment_status WHERE cluster_id = ? AND assignment_id = ?",
                later.toString(), first.toString(), cluster, assignment).getFirst())
                .containsExactly(repeat, true, true, "settings");
        assertThat(history()).containsExactly("phase:null->Synced", "health:null->Healthy", "revision:null->r1");
    }

    @Test
    void aRowWithoutAMatchingDigestIsWrittenInFull() {
        Map<UUID, ClusterTrust> trust = Map.of(cluster, new ClusterTrust(cluster, 1,
                io.gitfleet.api.cluster.ClusterState.Connected, 0));
        writer.write(judged(trust, status(credential, cluster, next(), SyncPhase.Synced, Health.Healthy, "r1",
                List.of())), trust, Instant.now()).await().indefinitely();
        // A row stored before digests existed, and edited since: the same report again must not be taken as a repeat.
        db.update("UPDATE assignment_status SET digest = NULL, health = 'Degraded' WHERE cluster_id = ?", cluster);

        var written = writer.write(judged(trust, status(credential, cluster, next(), SyncPhase.Synced,
                Health.Healthy, "r1", List.of())), trust, Instant.now()).await().indefinitely();

        assertThat(written.placements()).contains(new StatusBatchWriter.Placement(cluster, assignment));
        assertThat(stored()).singleElement().satisfies(row -> assertThat(row.subList(0, 3))
                .containsExactly("Synced", "Healthy", "r1"));
        assertThat(db.rows("SELECT digest IS NOT NULL FROM assignment_status WHERE cluster_id = ?", cluster)
                .getFirst()).containsExactly(true);
    }

    /** Envelopes through triage as the ingestor judges them, against given trust facts. */
    private List<Triage.Accepted> judged(Map<UUID, ClusterTrust> trust, StatusEnvelope... envelopes) {
        Triage triage = new Triage(json, credentials::issue);
        List<StatusRecord> records = new ArrayList<>();
        for (StatusEnvelope envelope : envelopes) {
            records.add(new StatusRecord(Topics.AGENT_STATUS, 0, records.size(), cluster.toString(), text(envelope)));
        }
        Triage.Result sorted = triage.sort(triage.parse(records), trust);
        assertThat(sorted.dropped()).isEmpty();
        return sorted.accepted();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndDoesNotStallTheConsumer() {
        String key = "poison-" + UUID.randomUUID();
        agents.sendRaw(key, "{not json");
        agents.sendRaw(key, text(new StatusEnvelope(99, cluster, next(),
                Instant.now().toString(), "assignment-status", "{}", "tag")));
        marker();

        List<ConsumerRecord<String, String>> dead = deadLetters(key, 2);
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader("gitfleet-reason").value(),
                StandardCharsets.UTF_8)).containsExactly("malformed", "unknown-schema");
        assertThat(dead.getFirst().value()).isEqualTo("{not json");
    }

    @Test
    void aSilentClusterGoesOfflineAndComesBackWithItsNextMessage() {
        send(heartbeat(credential, cluster, next()));
        await().atMost(WITHIN).until(() -> state().equals("Connected") && lastSeen());

        await().atMost(WITHIN).until(() -> state().equals("Offline"));
        send(heartbeat(credential, cluster, next()));
        await().atMost(WITHIN).until(() -> state().equals("Connected"));
        assertThat(history()).containsSubsequence("state:Connected->Offline", "state:Offline->Connected");
    }

    @Test
    void historyIsTrimmedToTheNewestEntriesPerPlacement() {
        for (int i = 0; i < 205; i++) {
            db.update("INSERT INTO status_event (cluster_id, assignment_id, at, kind, from_value, to_value)"
                    + " VALUES (?, ?, now(), 'phase', ?, ?)", cluster, assignment, "p" + i, "p" + (i + 1));
        }
        liveness.trimHistory().await().indefinitely();

        assertThat(db.rows("SELECT count(*) FROM status_event WHERE cluster_id = ? AND assignment_id = ?",
                cluster, assignment).getFirst().getFirst()).isEqualTo(200L);
        assertThat(db.rows("SELECT count(*) FROM status_event WHERE cluster_id = ? AND assignment_id = ?"
                + " AND from_value IN ('p0', 'p1', 'p2', 'p3', 'p4')", cluster, assignment).getFirst().getFirst())
                .as("the oldest five went").isEqualTo(0L);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A valid heartbeat sent last: once it is accepted, everything sent before it was judged. */
    private void marker() {
        long sequence = next();
        send(heartbeat(credential, cluster, sequence));
        await().atMost(WITHIN).until(() -> db.rows("SELECT 1 FROM cluster WHERE id = ? AND last_sequence >= ?",
                cluster, sequence).size() == 1);
    }

    private static long next() {
        return AgentReports.nextSequence();
    }

    private void send(StatusEnvelope envelope) {
        agents.send(envelope);
    }

    private StatusEnvelope heartbeat(String key, UUID clusterId, long sequence) {
        return agents.heartbeat(key, clusterId, sequence);
    }

    private StatusEnvelope status(String key, UUID clusterId, long sequence, SyncPhase phase, Health health,
            String revision, List<DriftedObject> drift) {
        return agents.status(key, clusterId, sequence, assignment, 1, phase, health, revision, drift);
    }

    private String text(Object value) {
        return agents.text(value);
    }

    private List<List<Object>> stored() {
        return db.rows("SELECT phase, health, applied_revision, drifted_objects FROM assignment_status"
                + " WHERE cluster_id = ? AND assignment_id = ?", cluster, assignment);
    }

    private List<String> history() {
        List<String> entries = new ArrayList<>();
        for (List<Object> row : db.rows("SELECT kind, from_value, to_value FROM status_event WHERE cluster_id = ?"
                + " ORDER BY id", cluster)) {
            entries.add(row.get(0) + ":" + row.get(1) + "->" + row.get(2));
        }
        return entries;
    }

    private String state() {
        return (String) db.rows("SELECT state FROM cluster WHERE id = ?", cluster).getFirst().getFirst();
    }

    private boolean lastSeen() {
        return db.rows("SELECT 1 FROM cluster WHERE id = ? AND last_seen_at IS NOT NULL", cluster).size() == 1;
    }

    private double dropped(String reason) {
        String metrics = bootstrapAdmin().get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(l -> l.startsWith("gitfleet_status_dropped_total{reason=\"" + reason + "\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AgentReports.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.AGENT_STATUS_DEAD_LETTER));
            await().atMost(WITHIN).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }
}
