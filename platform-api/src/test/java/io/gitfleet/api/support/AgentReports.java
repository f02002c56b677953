package io.gitfleet.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.Heartbeat;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.StatusSigner;
import io.gitfleet.common.agent.SyncPhase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plays an agent on the real broker: signed heartbeats and assignment statuses, with growing sequences. */
public final class AgentReports implements AutoCloseable {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
            new StringSerializer());
    private final ObjectMapper json;

    public AgentReports(ObjectMapper json) {
        this.json = json;
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static long nextSequence() {
        return SEQUENCE.addAndGet(10);
    }

    public StatusEnvelope heartbeat(String credential, UUID cluster, long sequence) {
        return StatusSigner.sign(credential, cluster, sequence, Instant.now().toString(), StatusEnvelope.HEARTBEAT,
                text(new Heartbeat("1.2.3", "v1.20.2", 1, Instant.now())));
    }

    public StatusEnvelope status(String credential, UUID cluster, long sequence, UUID assignment, long generation,
            SyncPhase phase, Health health, String revision, List<DriftedObject> drift) {
        AssignmentStatus status = new AssignmentStatus(assignment, generation, revision, revision, phase, health,
                phase == SyncPhase.Failed ? "web.yaml:3: mapping values are not allowed here" : null,
                List.of(new ObjectStatus("", "ConfigMap", "web", "settings", "created", health, null)), drift,
                Instant.now(), Instant.now());
        return StatusSigner.sign(credential, cluster, sequence, Instant.now().toString(),
                StatusEnvelope.ASSIGNMENT_STATUS, text(status));
    }

    public void send(StatusEnvelope envelope) {
        producer.send(new ProducerRecord<>(Topics.AGENT_STATUS, envelope.clusterId().toString(), text(envelope)));
        producer.flush();
    }

    public void sendRaw(String key, String value) {
        producer.send(new ProducerRecord<>(Topics.AGENT_STATUS, key, value));
        producer.flush();
    }

    public String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
