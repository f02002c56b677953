package io.gitfleet.api.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.api.GitfleetConfig;
import io.gitfleet.api.audit.DeniedAccessAudit;
import io.gitfleet.api.auth.AgentCredentials;
import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.StatusEnvelope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Consumes {@code gitfleet.agent-status} in a consumer group shared by all replicas, on a thread of its own (the
 * Kafka client blocks; event loops never wait for it). Each poll is one batch: parsed, sorted into trusted and
 * dropped messages, poison sent to the dead-letter topic, trusted ones written in one transaction — and only then
 * are the offsets committed. A failure before that rewinds to the batch's first offsets and retries, so a crash or
 * rebalance re-delivers at most what the sequence guards then ignore; nothing is lost, nothing applied twice.
 */
@ApplicationScoped
public class StatusIngestor {

    private static final Logger LOG = Logger.getLogger(StatusIngestor.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final GitfleetConfig config;
    private final Pool pool;
    private final StatusBatchWriter writer;
    private final StatusMetrics metrics;
    private final DeniedAccessAudit audit;
    private final Triage triage;
    private final Clock clock;
    private final StatusNotices notices;
    private volatile boolean running;
    private final List<KafkaConsumer<String, String>> consumers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private DeadLetters deadLetters;

    public StatusIngestor(GitfleetConfig config, Pool pool, StatusBatchWriter writer, StatusMetrics metrics,
            DeniedAccessAudit audit, AgentCredentials credentials, ObjectMapper json, StatusNotices notices,
            Clock clock) {
        this.notices = notices;
        this.config = config;
        this.pool = pool;
        this.writer = writer;
        this.metrics = metrics;
        this.audit = audit;
        this.triage = new Triage(json, credentials::issue);
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        if (!config.status().ingest()) {
            LOG.info("status ingestion is off (gitfleet.status.ingest=false)");
            return;
        }
        running = true;
        String bootstrap = bootstrap();
        deadLetters = new DeadLetters(bootstrap);
        for (int i = 0; i < config.status().consumers(); i++) {
            threads.add(Thread.ofPlatform().name("gitfleet-status-ingest-" + i).daemon().start(() -> run(bootstrap)));
        }
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    private String bootstrap() {
        return config.status().kafkaBootstrapServers().orElse(config.agents().kafkaBootstrapServers());
    }

    private void run(String bootstrap) {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, config.status().consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.status().maxBatch(),
                // Big batches amortise the transaction: fetch up to a batch's worth of ~1 KiB messages at once.
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024),
                new StringDeserializer(), new StringDeserializer())) {
            consumers.add(kafka);
            kafka.subscribe(List.of(Topics.AGENT_STATUS));
            while (running) {
                ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    ingest(records, deadLetters);
                    kafka.commitSync(next(records));
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    LOG.warnf("status batch of %d records failed, retrying it: %s", records.count(), e.getMessage());
                    rewind(kafka, records);
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("status ingestion stopped", e);
        }
    }

    /** One batch, start to durable (package-private: the restart test drives it with consumers of its own). */
    void ingest(ConsumerRecords<String, String> records, DeadLetters deadLetters) throws Exception {
        long started = System.nanoTime();
        List<StatusRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            batch.add(new StatusRecord(record.topic(), record.partition(), record.offset(), record.key(),
                    record.value()));
        }
        List<Triage.Parsed> parsed = triage.parse(batch);
        Map<UUID, ClusterTrust> trust = trust(triage.clusterIds(parsed));
        Triage.Result sorted = triage.sort(parsed, trust);

        List<Triage.Dropped> poison = sorted.dropped().stream().filter(d -> d.reason().deadLetter()).toList();
        if (!poison.isEmpty()) {
            deadLetters.send(poison);
        }
        // One audit entry per cluster, reason and detail in a batch, with how many messages it stands for: a flood
        // of forged messages must not become a flood of awaited inserts that stalls ingestion for everyone.
        Map<List<String>, List<Triage.Dropped>> denied = new java.util.LinkedHashMap<>();
        for (Triage.Dropped dropped : sorted.dropped()) {
            metrics.dropped(dropped.reason());
            if (dropped.reason().audited()) {
                denied.computeIfAbsent(List.of(String.valueOf(dropped.clusterId()), dropped.reason().label(),
                        dropped.detail()), k -> new ArrayList<>()).add(dropped);
            }
        }
        for (List<Triage.Dropped> same : denied.values()) {
            Triage.Dropped first = same.getFirst();
            audit.denied("agent.status", first.clusterId() == null ? "unknown" : "agent:" + first.clusterId(),
                    "cluster", String.valueOf(first.clusterId()), first.reason().label() + ": " + first.detail()
                            + (same.size() > 1 ? " (" + same.size() + " messages)" : ""),
                    "kafka " + first.record() + (same.size() > 1 ? " and " + (same.size() - 1) + " more" : ""))
                    .await().indefinitely();
        }
        long triaged = System.nanoTime();
        StatusBatchWriter.Written written = writer.write(sorted.accepted(), trust, clock.instant())
                .await().indefinitely();
        LOG.debugf("batch of %d records: read and judged in %d ms, written in %d ms", batch.size(),
                (triaged - started) / 1_000_000, (System.nanoTime() - triaged) / 1_000_000);
        long heartbeats = sorted.accepted().stream().filter(a -> a.heartbeat() != null).count();
        metrics.accepted(StatusEnvelope.HEARTBEAT, (int) heartbeats);
        metrics.accepted(StatusEnvelope.ASSIGNMENT_STATUS, (int) (sorted.accepted().size() - heartbeats));
        metrics.batch(batch.size(), Duration.ofNanos(System.nanoTime() - started));
        if (!written.placements().isEmpty()) {
            // After the commit: a stream that reads on this notice sees the batch. A lost notice only delays
            // a live view; the data is already durable.
            notices.announce(written.placements()).await().indefinitely();
        }
    }

    private Map<UUID, ClusterTrust> trust(Set<UUID> clusters) {
        Map<UUID, ClusterTrust> trust = new HashMap<>();
        if (clusters.isEmpty()) {
            return trust;
        }
        for (Row row : pool.preparedQuery("""
                SELECT id, credential_generation, state, last_sequence FROM cluster WHERE id = ANY($1)""")
                .execute(Tuple.of(clusters.toArray(UUID[]::new))).await().indefinitely()) {
            trust.put(row.getUUID("id"), new ClusterTrust(row.getUUID("id"), row.getInteger("credential_generation"),
                    ClusterState.valueOf(row.getString("state")), row.getLong("last_sequence")));
        }
        return trust;
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.getLast().offset() + 1));
        }
        return offsets;
    }

    /** Back to the batch's first offsets, for the partitions still ours (a rebalance may have moved some). */
    private static void rewind(KafkaConsumer<String, String> kafka, ConsumerRecords<String, String> records) {
        Set<TopicPartition> assigned = kafka.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                kafka.seek(partition, records.records(partition).getFirst().offset());
            }
        }
    }
}
