package io.gitfleet.agent.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.agent.AgentConfig;
import io.gitfleet.agent.apply.AssignmentSync;
import io.gitfleet.agent.apply.InventoryStore;
import io.gitfleet.agent.apply.Pruner;
import io.gitfleet.agent.apply.ServerSideApplier;
import io.gitfleet.agent.controlplane.AgentIdentity;
import io.gitfleet.agent.drift.DriftMonitor;
import io.gitfleet.agent.drift.StatusBoard;
import io.gitfleet.agent.controlplane.ControlPlaneClient;
import io.gitfleet.agent.controlplane.CredentialRefusedException;
import io.gitfleet.agent.git.SourceCache;
import io.gitfleet.agent.metrics.SyncMetrics;
import io.gitfleet.agent.render.ManifestRenderer;
import io.gitfleet.agent.report.StatusReporter;
import io.gitfleet.common.agent.DesiredState;
import io.gitfleet.common.agent.Heartbeat;
import io.gitfleet.common.agent.Registration;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The agent's main loop on its own thread: make sure it has an identity (registering once with the token), then
 * long-poll the desired state and reconcile on every change and at least every resync interval. When the control
 * plane is unreachable it keeps reconciling the last desired state; when its credential is refused it applies
 * nothing new and says so on every attempt.
 */
@ApplicationScoped
public class AgentLoop {

    private static final Logger LOG = Logger.getLogger(AgentLoop.class);

    private final AgentConfig config;
    private final KubernetesClient client;
    private final ObjectMapper json;
    private final SyncMetrics metrics;
    private final String version;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running;
    private Thread thread;
    private volatile StatusReporter reporter;
    private volatile DriftMonitor drift;

    public AgentLoop(AgentConfig config, KubernetesClient client, ObjectMapper json, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.config = config;
        this.metrics = new SyncMetrics(registry);
        this.client = client;
        this.json = json;
        this.version = version;
    }

    void start(@Observes StartupEvent start) {
        if (config.apiUrl().isEmpty()) {
            LOG.warn("gitfleet.agent.api-url is not set: the agent serves health only and syncs nothing");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("gitfleet-agent-loop").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        if (drift != null) {
            drift.close();
        }
        if (reporter != null) {
            reporter.close();
        }
    }

    private void run() {
        ControlPlaneClient controlPlane = new ControlPlaneClient(config.apiUrl().orElseThrow(), json);
        ensureNamespace();
        AgentIdentity identities = new AgentIdentity(client, config.namespace());
        LastDesiredState last = new LastDesiredState(client, config.namespace(), json);
        InventoryStore inventories = new InventoryStore(client, config.namespace());
        AssignmentSync sync = new AssignmentSync(new ServerSideApplier(client), new Pruner(client), inventories);
        Lock syncLock = new ReentrantLock();
        StatusBoard board = new StatusBoard(status -> {
            if (reporter != null) {
                reporter.assignment(status);
            }
        });
        drift = new DriftMonitor(client, sync, syncLock, board, metrics::drift);
        FleetReconciler reconciler = new FleetReconciler(new SourceCache(Path.of(config.cacheDir())),
                new ManifestRenderer(new DiscoveryScopes(client)), sync, inventories,
                new ObservedHealth(client, drift.informers()), drift, board, syncLock, metrics, clock);
        Instant startedAt = clock.instant();

        Optional<DesiredState> current = last.load();
        String etag = null;
        Instant lastReconcile = Instant.EPOCH;
        while (running) {
            try {
                AgentIdentity.Stored identity = identity(identities, controlPlane);
                StatusReporter reporter = reporter(identity);
                reporter.heartbeat(new Heartbeat(version, kubernetesVersion(), current.map(s -> s.assignments()
                        .size()).orElse(0), startedAt));
                Optional<ControlPlaneClient.Desired> next = controlPlane.desiredState(identity.credential(), etag,
                        config.pollWait());
                if (next.isPresent()) {
                    etag = next.get().etag();
                    current = Optional.of(next.get().state());
                    last.save(current.get());
                    reconciler.reconcile(current.get());
                    lastReconcile = clock.instant();
                } else if (due(lastReconcile) && current.isPresent()) {
                    reconciler.reconcile(current.get());
                    lastReconcile = clock.instant();
                }
            } catch (CredentialRefusedException e) {
                LOG.errorf("%s; applying nothing new until the cluster is registered again", e.getMessage());
                pause();
            } catch (IOException e) {
                LOG.warnf("control plane unreachable (%s); reconciling the last desired state", e.getMessage());
                if (current.isPresent() && due(lastReconcile)) {
                    reconciler.reconcile(current.get());
                    lastReconcile = clock.instant();
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("reconcile loop failed; retrying", e);
                pause();
            }
        }
    }

    private AgentIdentity.Stored identity(AgentIdentity identities, ControlPlaneClient controlPlane)
            throws IOException, InterruptedException {
        Optional<AgentIdentity.Stored> stored = identities.load();
        if (stored.isPresent()) {
            return stored.get();
        }
        String token = config.registrationToken().orElseThrow(() -> new CredentialRefusedException(
                "no stored credential and no registration token (gitfleet.agent.registration-token)"));
        Registration registration = controlPlane.register(token, version, client.getKubernetesVersion()
                .getGitVersion());
        AgentIdentity.Stored identity = new AgentIdentity.Stored(registration.clusterId().toString(),
                registration.clusterName(), registration.credential(), registration.kafka().bootstrapServers(),
                registration.kafka().statusTopic());
        identities.save(identity);
        LOG.infof("registered as cluster %s (%s)", registration.clusterName(), registration.clusterId());
        return identity;
    }

    /** Created once the agent knows where to report; statuses wait in it while Kafka is away. */
    private StatusReporter reporter(AgentIdentity.Stored identity) {
        if (reporter == null) {
            reporter = new StatusReporter(identity.kafkaBootstrapServers(), identity.statusTopic(),
                    UUID.fromString(identity.clusterId()), identity.credential(), json, clock);
        }
        return reporter;
    }

    private String kubernetesVersion() {
        try {
            return client.getKubernetesVersion().getGitVersion();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean due(Instant lastReconcile) {
        return !clock.instant().isBefore(lastReconcile.plus(config.resyncInterval()));
    }

    private void ensureNamespace() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(config.namespace()).endMetadata().build())
                .fieldManager("gitfleet").serverSideApply();
    }

    private void pause() {
        try {
            Thread.sleep(config.retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
