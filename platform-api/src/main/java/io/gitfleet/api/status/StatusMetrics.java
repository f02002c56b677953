package io.gitfleet.api.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Ingestion for Prometheus: messages accepted by type, dropped by reason, and batch durations. */
@ApplicationScoped
public class StatusMetrics {

    private final MeterRegistry registry;

    public StatusMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String type, int count) {
        Counter.builder("gitfleet.status.accepted").description("Agent messages accepted").tag("type", type)
                .register(registry).increment(count);
    }

    public void dropped(DropReason reason) {
        Counter.builder("gitfleet.status.dropped").description("Agent messages that changed nothing")
                .tag("reason", reason.label()).register(registry).increment();
    }

    public void batch(int records, Duration took) {
        Timer.builder("gitfleet.status.batch").description("Time to make one batch durable").register(registry)
                .record(took);
        Counter.builder("gitfleet.status.records").description("Records read from the status topic")
                .register(registry).increment(records);
    }
}
