package io.gitfleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.testsupport.junit.ServiceExtension;
import io.gitfleet.testsupport.kafka.KafkaService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaServiceTest {

    @RegisterExtension
    static final ServiceExtension<KafkaService> KAFKA = new ServiceExtension<>(KafkaService::start);

    @Test
    void producedRecordsAreConsumedByAConsumerGroup() throws ExecutionException, InterruptedException {
        String bootstrap = KAFKA.get().bootstrapServers();
        assertThat(bootstrap).matches("(localhost|127\\.0\\.0\\.1):\\d+");

        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                RecordMetadata sent = producer.send(new ProducerRecord<>("smoke", "cluster-1", "status-" + i)).get();
                assertThat(sent.offset()).isEqualTo(i);
            }
        }

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.key()).isEqualTo("cluster-1");
                    received.add(record.value());
                }
            }
            consumer.commitSync();
        }
        assertThat(received).containsExactly("status-0", "status-1", "status-2");
    }
}
