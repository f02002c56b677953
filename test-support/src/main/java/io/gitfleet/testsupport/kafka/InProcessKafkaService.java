package io.gitfleet.testsupport.kafka;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.process.Ports;
import io.gitfleet.testsupport.process.TempDirs;
import io.gitfleet.testsupport.process.Waits;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One combined controller+broker KRaft node in this JVM: the same {@link KafkaRaftServer} that
 * {@code kafka-server-start.sh} runs, formatted like {@code kafka-storage.sh format}. Both listeners bind to
 * 127.0.0.1 only. (Kafka's {@code KafkaClusterTestKit} pre-binds its sockets on every interface, so it is not
 * used.) Internal topics get one partition and one replica, which is what makes it start in seconds.
 */
final class InProcessKafkaService implements KafkaService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String bootstrapServers;

    private InProcessKafkaService(KafkaRaftServer server, Path dataDir, String bootstrapServers) {
        this.server = server;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
    }

    static InProcessKafkaService start(int brokerPort) {
        Path dataDir = TempDirs.create("kafka");
        KafkaRaftServer server = null;
        try {
            String logDir = dataDir.resolve("kraft").toString();
            int controllerPort = Ports.freeLoopbackPort();
            KafkaConfig config = new KafkaConfig(Map.ofEntries(
                    Map.entry("process.roles", "broker,controller"),
                    Map.entry("node.id", "1"),
                    Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort
                            + "," + CONTROLLER + "://127.0.0.1:" + controllerPort),
                    Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                    Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                    Map.entry("controller.listener.names", CONTROLLER),
                    Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                    Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                    Map.entry("log.dirs", logDir),
                    Map.entry("offsets.topic.num.partitions", "1"),
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("transaction.state.log.num.partitions", "1"),
                    Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                    Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    Map.entry("auto.create.topics.enable", "true"),
                    // Several partitions, as in production: ingestion runs one consumer per partition it holds.
                    Map.entry("num.partitions", "4"),
                    // the default 128 MiB dedupe buffer is sized for production brokers
                    Map.entry("log.cleaner.dedupe.buffer.size", "2097152")));
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName(CONTROLLER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            Waits.until("Kafka broker at " + bootstrap, START_TIMEOUT, null, () -> answers(bootstrap));
            return new InProcessKafkaService(server, dataDir, bootstrap);
        } catch (Exception e) {
            stopQuietly(server);
            TempDirs.deleteQuietly(dataDir);
            throw ServiceStartException.of("in-process Kafka broker", e);
        }
    }

    private static boolean answers(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000"))) {
            return !admin.describeCluster().nodes().get().isEmpty();
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stopQuietly(server);
        TempDirs.deleteQuietly(dataDir);
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            System.err.println("gitfleet test-support: Kafka did not stop cleanly: " + e);
        }
    }
}
