package io.gitfleet.api.status;

import io.gitfleet.common.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Messages that cannot be read go to {@code gitfleet.agent-status.dlq} unchanged, with the reason and their origin
 * in headers, so the consumer never stalls on them and someone can still look. Sends are awaited before the
 * batch's offsets are committed: a poison message is never lost between the two topics.
 */
final class DeadLetters implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    DeadLetters(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "gitfleet-status-dlq"),
                new StringSerializer(), new StringSerializer());
    }

    void send(List<Triage.Dropped> poison) throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> sent = poison.stream().map(dropped -> {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AGENT_STATUS_DEAD_LETTER,
                    dropped.record().key(), dropped.record().value());
            record.headers().add("gitfleet-reason", dropped.reason().label().getBytes(StandardCharsets.UTF_8))
                    .add("gitfleet-detail", dropped.detail().getBytes(StandardCharsets.UTF_8))
                    .add("gitfleet-origin", dropped.record().toString().getBytes(StandardCharsets.UTF_8));
            return producer.send(record);
        }).toList();
        for (Future<RecordMetadata> future : sent) {
            future.get();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
