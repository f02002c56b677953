package io.gitfleet.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything the control plane reads from configuration under {@code gitfleet.*}. */
@ConfigMapping(prefix = "gitfleet")
public interface GitfleetConfig {

    Secrets secrets();

    Registration registration();

    Agents agents();

    Sources sources();

    BootstrapAdmin bootstrapAdmin();

    interface Secrets {
        /**
         * Base64 of at least 32 random bytes. Keys for agent credentials and for source credentials at rest are
         * derived from it; every replica needs the same value and losing it invalidates all agent credentials.
         */
        String masterKey();
    }

    interface Registration {
        /** Lifetime of a registration token when the request names none. */
        @WithDefault("1h")
        Duration defaultTtl();

        /** Longest lifetime a registration token may be given. */
        @WithDefault("24h")
        Duration maxTtl();
    }

    Status status();

    interface Status {
        /** Consume agent status at all (off for an API replica that should only serve requests). */
        @WithDefault("true")
        boolean ingest();

        /** The broker agents report to; defaults to the one handed to agents. */
        Optional<String> kafkaBootstrapServers();

        /** Consumer group shared by all control-plane replicas, so partitions spread across them. */
        @WithDefault("gitfleet-status")
        String consumerGroup();

        /**
         * Consumers per replica (threads, each with its own partitions): batches of different partitions are
         * written in parallel, while one cluster's messages stay in one partition and so in order.
         */
        @WithDefault("2")
        int consumers();

        /** Most records written to PostgreSQL in one transaction. */
        @WithDefault("2000")
        int maxBatch();

        /** How often agents send heartbeats (their long-poll wait). */
        @WithDefault("30s")
        Duration heartbeatInterval();

        /** Heartbeats a Connected cluster may miss before it is Offline. */
        @WithDefault("3")
        int missedHeartbeats();

        /** How often the history is trimmed to {@link #historyPerAssignment()}. */
        @WithDefault("5m")
        Duration historyRetentionInterval();

        /** Status changes kept per cluster and assignment (older ones are deleted). */
        @WithDefault("200")
        int historyPerAssignment();
    }

    interface Agents {
        /** Kafka bootstrap servers handed to agents at registration. */
        @WithDefault("127.0.0.1:9092")
        String kafkaBootstrapServers();

        /** Extra Kafka client properties for agents (security.protocol, ...). */
        Map<String, String> kafkaProperties();

        /** Longest long-poll an agent may ask for with {@code ?wait=}. */
        @WithDefault("60s")
        Duration maxWait();
    }

    interface Sources {
        /** How often a source's ref is resolved when the source names no interval. */
        @WithDefault("3m")
        Duration defaultPollInterval();

        /** Shortest poll interval a source may ask for. */
        @WithDefault("15s")
        Duration minPollInterval();

        /** How often the poller looks for sources that are due. */
        @WithDefault("5s")
        Duration pollerTick();

        /** Longest a single ls-remote may take. */
        @WithDefault("30s")
        Duration lsRemoteTimeout();
    }

    interface BootstrapAdmin {
        /** Whether the local admin may sign in with HTTP Basic; turn off once an IdP grants platform-admin. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("admin")
        String username();

        /** Fixed password; when absent one is generated on first start and printed once. */
        Optional<String> password();
    }
}
