package io.gitfleet.api.status;

/** One Kafka record as ingestion sees it: where it came from (for dead letters and logs), its key and value. */
public record StatusRecord(String topic, int partition, long offset, String key, String value) {

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
