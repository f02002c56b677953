package io.gitfleet.agent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.Heartbeat;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.StatusSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes signed status to Kafka without ever making reconciliation wait: callers only replace the latest
 * pending status of an assignment (or the heartbeat), and a sender thread delivers what is pending. While Kafka is
 * down only the newest status per assignment is kept, and it is sent once Kafka answers again.
 */
public final class StatusReporter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StatusReporter.class);
    private static final String HEARTBEAT_KEY = "heartbeat";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Producer<String, String> producer;
    private final String topic;
    private final UUID clusterId;
    private final String credential;
    private final ObjectMapper json;
    private final Clock clock;
    private final Thread sender;
    private long lastSequence;
    private volatile boolean running = true;

    private record Pending(String type, String payload) {
    }

    public StatusReporter(String bootstrapServers, String topic, UUID clusterId, String credential,
            ObjectMapper json, Clock clock) {
        this.topic = topic;
        this.clusterId = clusterId;
        this.credential = credential;
        this.json = json;
        this.clock = clock;
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers), new StringSerializer(),
                new StringSerializer());
        this.sender = Thread.ofPlatform().name("gitfleet-status-sender").daemon().start(this::run);
    }

    public void heartbeat(Heartbeat heartbeat) {
        offer(HEARTBEAT_KEY, StatusEnvelope.HEARTBEAT, heartbeat);
    }

    public void assignment(AssignmentStatus status) {
        offer(status.assignmentId().toString(), StatusEnvelope.ASSIGNMENT_STATUS, status);
    }

    /** How many statuses wait for Kafka (at most one per assignment plus the heartbeat). */
    public int pending() {
        return pending.size();
    }

    private void offer(String key, String type, Object payload) {
        try {
            pending.put(key, new Pending(type, json.writeValueAsString(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status cannot be serialised", e);
        }
        synchronized (pending) {
            pending.notifyAll();
        }
    }

    private void run() {
        while (running) {
            boolean delivered = true;
            for (Map.Entry<String, Pending> entry : pending.entrySet()) {
                if (!send(entry.getValue())) {
                    delivered = false;
                    break;
                }
                // Only forget what was sent: a newer status offered meanwhile stays pending.
                pending.remove(entry.getKey(), entry.getValue());
            }
            synchronized (pending) {
                try {
                    if (running && (pending.isEmpty() || !delivered)) {
                        pending.wait(delivered ? 1000 : RETRY.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean send(Pending status) {
        StatusEnvelope envelope = StatusSigner.sign(credential, clusterId, nextSequence(),
                clock.instant().toString(), status.type(), status.payload());
        try {
            producer.send(new ProducerRecord<>(topic, clusterId.toString(), json.writeValueAsString(envelope)))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException | JsonProcessingException e) {
            LOG.debugf("status not delivered, keeping the latest for later: %s", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Epoch microseconds, bumped past the last one: grows across restarts as long as the clock does. */
    private synchronized long nextSequence() {
        Instant now = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        lastSequence = Math.max(lastSequence + 1, micros);
        return lastSequence;
    }

    private static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return config;
    }

    @Override
    public void close() {
        running = false;
        synchronized (pending) {
            pending.notifyAll();
        }
        sender.interrupt();
        producer.close(Duration.ofSeconds(2));
    }
}
