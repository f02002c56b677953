package io.gitfleet.testsupport.kafka;

import io.gitfleet.testsupport.TestService;
import java.util.Map;

/** A real Kafka broker on loopback. */
public interface KafkaService extends TestService {

    /** Starts a single-node KRaft broker in this JVM from the Apache Kafka jars. */
    static KafkaService start() {
        return InProcessKafkaService.start();
    }

    String bootstrapServers();

    /** Properties for the Quarkus Kafka connector and plain clients. */
    default Map<String, String> quarkusConfig() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }
}
