package io.gitfleet.testsupport.quarkus;

import io.gitfleet.testsupport.kafka.KafkaService;

/** {@code @QuarkusTestResource(KafkaTestResource.class)}: a real Kafka broker for the application under test. */
public class KafkaTestResource extends ServiceTestResource<KafkaService> {

    public KafkaTestResource() {
        super(KafkaService.class, KafkaService::start, KafkaService::quarkusConfig);
    }
}
