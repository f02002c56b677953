package io.gitfleet.common.agent;

import java.util.Map;

/** Where an agent publishes status: bootstrap servers, the topic, and extra client properties (e.g. TLS). */
public record KafkaSettings(String bootstrapServers, String statusTopic, Map<String, String> properties) {

    public KafkaSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
