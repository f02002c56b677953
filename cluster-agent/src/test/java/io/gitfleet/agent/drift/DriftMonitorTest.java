package io.gitfleet.agent.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.agent.apply.AssignmentSync;
import io.gitfleet.agent.apply.IgnoredFields;
import io.gitfleet.agent.apply.InventoryStore;
import io.gitfleet.agent.apply.Ownership;
import io.gitfleet.agent.apply.Pruner;
import io.gitfleet.agent.apply.ServerSideApplier;
import io.gitfleet.agent.apply.SyncOptions;
import io.gitfleet.agent.render.ManifestRenderer;
import io.gitfleet.agent.render.RenderRequest;
import io.gitfleet.agent.render.RenderResult;
import io.gitfleet.agent.render.WellKnownScopes;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedField;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.IgnoreRule;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.junit.ServiceExtension;
import io.gitfleet.testsupport.kube.KubeApiService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Watches on owned objects → drift and health reported between syncs, against a real kube-apiserver. */
class DriftMonitorTest {

    @RegisterExtension
    static final ServiceExtension<KubeApiService> KUBE = new ServiceExtension<>(KubeApiService::start);

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path repo;

    private KubernetesClient client;
    private KubernetesClient someoneElse;
    private AssignmentSync sync;
    private DriftMonitor monitor;
    private StatusBoard board;
    private final List<AssignmentStatus> reported = new CopyOnWriteArrayList<>();
    private final List<String> drifts = new CopyOnWriteArrayList<>();
    private String namespace;
    private final UUID assignment = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        client = KUBE.get().newClient();
        someoneElse = KUBE.get().newClient();
        namespace = "drift-" + Long.toString(System.nanoTime(), 36);
        for (String name : List.of("gitfleet-system", namespace)) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                    .fieldManager("test").serverSideApply();
        }
        sync = new AssignmentSync(new ServerSideApplier(client), new Pruner(client),
                new InventoryStore(client, "gitfleet-system"));
        board = new StatusBoard(reported::add);
        monitor = new DriftMonitor(client, sync, new ReentrantLock(), board, (name, found) -> drifts.add(name + ":" + found.name()));
    }

    @AfterEach
    void close() {
        monitor.close();
        client.close();
        someoneElse.close();
    }

    @Test
    void anEditIsReportedWithItsFieldAndClearedWhenUndoneWithoutSelfHeal() throws IOException {
        syncAndWatch(false, IgnoredFields.NONE, configMap("a", "1"));

        edit("a", "value", "edited");

        await().atMost(WITHIN).until(() -> drift().equals(List.of("a:[/data/value]:false:false")));
        assertThat(live("a").getData()).as("reported, not touched").containsEntry("value", "edited");
        assertThat(board.latest(assignment).orElseThrow().drift().getFirst().differences())
                .as("Git's value and the cluster's, side by side")
                .containsExactly(new DriftedField("/data/value", "\"1\"", "\"edited\""));

        edit("a", "value", "1");
        await().atMost(WITHIN).until(() -> drift().isEmpty());
    }

    @Test
    void withSelfHealEditsAndDeletesAreUndoneAndReportedAsHealed() throws IOException {
        syncAndWatch(true, IgnoredFields.NONE, configMap("a", "1") + "---\n" + configMap("b", "1"));

        edit("a", "value", "edited");
        await().atMost(WITHIN).until(() -> "1".equals(live("a").getData().get("value")));
        await().atMost(WITHIN).until(() -> drift().contains("a:[/data/value]:false:true"));

        someoneElse.configMaps().inNamespace(namespace).withName("b").delete();
        await().atMost(WITHIN).until(() -> live("b") != null);
        await().atMost(WITHIN).until(() -> drift().contains("b:[]:true:true"));
        assertThat(drifts).as("counted for metrics, by assignment name").contains("web:a", "web:b");
        assertThat(reported).as("every report after the first is a change").doesNotHaveDuplicates();
    }

    @Test
    void removingTheOwnerLabelIsDriftToo() throws IOException {
        syncAndWatch(false, IgnoredFields.NONE, configMap("a", "1"));

        someoneElse.configMaps().inNamespace(namespace).withName("a").edit(map -> {
            map.getMetadata().getLabels().remove(Ownership.ASSIGNMENT_LABEL);
            return map;
        });

        await().atMost(WITHIN).until(() -> drift().equals(
                List.of("a:[/metadata/labels/gitfleet.io~1assignment]:false:false")));
    }

    @Test
    void ignoredFieldsAreNotDrift() throws IOException {
        syncAndWatch(false, new IgnoredFields(List.of(new IgnoreRule(null, "ConfigMap", null, null,
                List.of("/data/scale")))), configMap("a", "1") + "  scale: \"3\"\n");

        edit("a", "scale", "9");
        edit("a", "value", "edited");

        // Events are handled in order: once the second edit is reported, the first was judged and not reported.
        await().atMost(WITHIN).until(() -> drift().equals(List.of("a:[/data/value]:false:false")));
        assertThat(reported).flatExtracting(AssignmentStatus::drift).flatExtracting(DriftedObject::fields)
                .doesNotContain("/data/scale");
    }

    @Test
    void healthFollowsTheLiveObjectBetweenSyncs() throws IOException {
        syncAndWatch(false, IgnoredFields.NONE, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "nginx:1.27"}]
                """);
        await().atMost(WITHIN).until(() -> health() == Health.Progressing);

        // No controller-manager runs here: play its part and report the rollout done.
        client.apps().deployments().inNamespace(namespace).withName("web").editStatus(d -> {
            d.getStatus().setObservedGeneration(d.getMetadata().getGeneration());
            d.getStatus().setReplicas(2);
            d.getStatus().setUpdatedReplicas(2);
            d.getStatus().setReadyReplicas(2);
            d.getStatus().setAvailableReplicas(2);
            return d;
        });

        await().atMost(WITHIN).until(() -> health() == Health.Healthy);
        assertThat(drift()).as("status is not drift").isEmpty();
    }

    /** Syncs the manifests, publishes the sync's status and starts watching, as the reconciler does. */
    private void syncAndWatch(boolean selfHeal, IgnoredFields ignored, String manifests) throws IOException {
        Files.writeString(repo.resolve("all.yaml"), manifests);
        RenderResult render = new ManifestRenderer(new WellKnownScopes()).render(new RenderRequest(repo, ".",
                namespace, Map.of(), "edge-1", Map.of(), List.of("drift-*")));
        var outcome = sync.sync(assignment, render, new SyncOptions(true, false, false, SyncOptions.Mode.APPLY,
                ignored));
        assertThat(outcome.phase()).as(outcome.problems().toString()).isEqualTo(SyncPhase.Synced);
        List<ObjectStatus> objects = render.objects().stream().map(o -> new ObjectStatus(o.key().group(),
                o.key().kind(), o.key().namespace(), o.key().name(), "created", Health.Unknown, null)).toList();
        board.publish(new AssignmentStatus(assignment, 1, "c0ffee", "c0ffee", SyncPhase.Synced, Health.Unknown,
                null, objects, List.of(), Instant.now(), Instant.now()));
        monitor.watch(assignment, WatchedAssignment.of("web", Ownership.label(assignment, render.objects()), selfHeal,
                ignored));
        monitor.updateWatches();
    }

    private String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\ndata:\n  value: \"%s\"\n"
                .formatted(name, value);
    }

    /** What {@code kubectl edit} does: another field manager changes a field. */
    private void edit(String name, String key, String value) {
        someoneElse.configMaps().inNamespace(namespace).withName(name).edit(map -> {
            map.getData().put(key, value);
            return map;
        });
    }

    private ConfigMap live(String name) {
        return client.configMaps().inNamespace(namespace).withName(name).get();
    }

    private List<String> drift() {
        return board.latest(assignment).orElseThrow().drift().stream()
                .map(d -> d.name() + ":" + d.fields() + ":" + d.deleted() + ":" + d.healed()).toList();
    }

    private Health health() {
        return board.latest(assignment).orElseThrow().health();
    }
}
