package io.gitfleet.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.Heartbeat;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.StatusSigner;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.kafka.KafkaService;
import io.gitfleet.testsupport.process.Ports;
import java.time.Clock;
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
import org.junit.jupiter.api.Test;

/** Status to a real Kafka broker: signed, keyed by cluster, and only the latest kept while the broker is away. */
class StatusReporterTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void whileKafkaIsDownOnlyTheLatestStatusWaitsAndArrivesWhenItIsBack() throws Exception {
        int port = Ports.freeLoopbackPort();
        UUID cluster = UUID.randomUUID();
        String credential = "gfa_" + cluster + ".1.test";
        UUID assignment = UUID.randomUUID();
        try (StatusReporter reporter = new StatusReporter("127.0.0.1:" + port, Topics.AGENT_STATUS, cluster,
                credential, json, Clock.systemUTC())) {
            for (int generation = 1; generation <= 3; generation++) {
                reporter.assignment(status(assignment, generation));
            }
            reporter.heartbeat(new Heartbeat("test", "v1.20.2", 1, Instant.now()));
            assertThat(reporter.pending()).as("one per assignment plus the heartbeat").isEqualTo(2);

            try (KafkaService kafka = KafkaService.start(port);
                    KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
                consumer.subscribe(List.of(Topics.AGENT_STATUS));
                List<ConsumerRecord<String, String>> received = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return reporter.pending() == 0 && generations(received).contains(3L)
                            && received.size() > generations(received).size();
                });

                assertThat(received).extracting(ConsumerRecord::key).containsOnly(cluster.toString());
                List<StatusEnvelope> envelopes = new ArrayList<>();
                for (ConsumerRecord<String, String> record : received) {
                    envelopes.add(json.readValue(record.value(), StatusEnvelope.class));
                }
                assertThat(envelopes).allMatch(e -> StatusSigner.verify(e, credential), "signed by the credential");
                assertThat(envelopes).extracting(StatusEnvelope::type).contains(StatusEnvelope.HEARTBEAT);
                // Generation 1 may already have been handed to the producer before 2 and 3 replaced it; 2 never
                // leaves, and 3 is the last word (with the highest sequence, so ingestion keeps it).
                List<Long> generations = generations(received);
                assertThat(generations).doesNotContain(2L).last().isEqualTo(3L);
                assertThat(envelopes).extracting(StatusEnvelope::sequence).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    private List<Long> generations(List<ConsumerRecord<String, String>> records) throws Exception {
        List<Long> generations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            StatusEnvelope envelope = json.readValue(record.value(), StatusEnvelope.class);
            if (envelope.type().equals(StatusEnvelope.ASSIGNMENT_STATUS)) {
                generations.add(json.readValue(envelope.payload(), AssignmentStatus.class).generation());
            }
        }
        return generations;
    }

    private static AssignmentStatus status(UUID assignment, long generation) {
        return new AssignmentStatus(assignment, generation, "abc", "abc", SyncPhase.Synced, Health.Healthy, null,
                List.of(), List.of(), Instant.now(), Instant.now());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
