package io.gitfleet.testsupport.kafka;

import io.gitfleet.testsupport.TestService;
import io.gitfleet.testsupport.process.Ports;
import java.util.Map;

/** A real Kafka broker on loopback. */
public interface KafkaService extends TestService {

    /** Starts a single-node KRaft broker in this JVM from the Apache Kafka jars. */
    static KafkaService start() {
        return InProcessKafkaService.start(Ports.freeLoopbackPort());
    }

    /**
     * Starts the broker on a given port, so a test can point clients at it before it exists (Kafka "down") and
     * then bring it up.
     */
    static KafkaService start(int brokerPort) {
        return InProcessKafkaService.start(brokerPort);
    }

    String bootstrapServers();

    /** Properties for the Quarkus Kafka connector and plain clients. */
    default Map<String, String> quarkusConfig() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }
}
