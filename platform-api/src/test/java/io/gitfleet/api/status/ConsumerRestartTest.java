package io.gitfleet.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.api.support.AgentReports;
import io.gitfleet.api.support.Database;
import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A consumer that dies after writing a batch but before committing its offsets: its successor re-reads the batch.
 * Meanwhile the application's own ingestor processes the same messages too (as a second replica would during a
 * rebalance). The final state must be the last message, and the history a clean chain without a repeated step.
 */
@QuarkusTest
class ConsumerRestartTest {

    @InjectService
    PostgresService postgres;

    @Inject
    ObjectMapper json;

    @Inject
    StatusIngestor ingestor;

    @Test
    void aRestartMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        Database db = new Database(postgres);
        String tenant = Names.unique("rs");
        Fixture.tenant(tenant, tenant);
        Fixture.source(tenant, "repo", "https://git.example.com/apps.git");
        UUID assignment = UUID.fromString(Fixture.assignment(tenant, "web", "repo", tenant,
                Map.of("matchLabels", Map.of("team", tenant))));
        String[] registered = Fixture.registeredCluster(Names.unique("rs"), Map.of("team", tenant));
        UUID cluster = UUID.fromString(registered[0]);
        String group = "restart-" + UUID.randomUUID();

        long last = 0;
        try (AgentReports agent = new AgentReports(json)) {
            for (int i = 0; i < 30; i++) {
                last = AgentReports.nextSequence();
                agent.send(agent.status(registered[1], cluster, last, assignment, 1,
                        i % 2 == 0 ? SyncPhase.Synced : SyncPhase.Failed, Health.Healthy, "r" + i, List.of()));
            }
        }

        try (DeadLetters deadLetters = new DeadLetters(AgentReports.bootstrapServers())) {
            try (KafkaConsumer<String, String> first = consumer(group)) {
                // The topic holds earlier tests' messages too: read until a batch with some of ours is written.
                boolean ours = false;
                while (!ours) {
                    ConsumerRecords<String, String> batch = pollSome(first);
                    ingestor.ingest(batch, deadLetters);
                    for (var record : batch) {
                        ours |= cluster.toString().equals(record.key());
                    }
                }
                // ... and dies here: no commit.
            }
            try (KafkaConsumer<String, String> successor = consumer(group)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline && storedSequence(db, cluster) < last) {
                    ConsumerRecords<String, String> batch = successor.poll(Duration.ofMillis(200));
                    if (!batch.isEmpty()) {
                        ingestor.ingest(batch, deadLetters);
                        successor.commitSync();
                    }
                }
            }
        }
        long finalSequence = last;
        await().atMost(Duration.ofSeconds(20)).until(() -> storedSequence(db, cluster) == finalSequence);

        assertThat(db.rows("SELECT phase, applied_revision FROM assignment_status WHERE cluster_id = ?", cluster)
                .getFirst()).containsExactly("Failed", "r29");
        List<List<Object>> phases = db.rows("SELECT from_value, to_value FROM status_event WHERE cluster_id = ?"
                + " AND kind = 'phase' ORDER BY id", cluster);
        assertThat(phases).isNotEmpty();
        assertThat(phases.getFirst().getFirst()).isNull();
        for (int i = 1; i < phases.size(); i++) {
            assertThat(phases.get(i).getFirst()).as("step %d starts where step %d ended", i, i - 1)
                    .isEqualTo(phases.get(i - 1).get(1));
        }
        assertThat(phases.getLast().get(1)).isEqualTo("Failed");
    }

    private static long storedSequence(Database db, UUID cluster) {
        List<List<Object>> rows = db.rows("SELECT sequence FROM assignment_status WHERE cluster_id = ?", cluster);
        return rows.isEmpty() ? 0 : ((Number) rows.getFirst().getFirst()).longValue();
    }

    private static ConsumerRecords<String, String> pollSome(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                return records;
            }
        }
        throw new AssertionError("nothing to consume");
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AgentReports.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 7),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.AGENT_STATUS));
        return consumer;
    }
}
