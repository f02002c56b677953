package io.gitfleet.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.agent.apply.AssignmentSync;
import io.gitfleet.agent.apply.IgnoredFields;
import io.gitfleet.agent.apply.InventoryStore;
import io.gitfleet.agent.apply.Ownership;
import io.gitfleet.agent.apply.Pruner;
import io.gitfleet.agent.apply.ServerSideApplier;
import io.gitfleet.agent.apply.SyncOptions;
import io.gitfleet.agent.drift.DriftMonitor;
import io.gitfleet.agent.drift.StatusBoard;
import io.gitfleet.agent.drift.WatchedAssignment;
import io.gitfleet.agent.render.ManifestRenderer;
import io.gitfleet.agent.render.RenderRequest;
import io.gitfleet.agent.render.RenderResult;
import io.gitfleet.agent.render.WellKnownScopes;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.kube.KubeApiService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift latency: N owned ConfigMaps watched, then one edit at a time by another field manager (what
 * {@code kubectl edit} does); the latency runs from sending the edit to the agent's status naming the changed
 * field (selfHeal off), and to the status saying it was healed (selfHeal on). A measurement, excluded from the
 * suite: {@code tools/bench-agent-drift.sh [objects] [samples]}.
 */
@Tag("bench")
class DriftBench {

    @TempDir
    Path repo;

    @Test
    void driftLatency() throws Exception {
        int count = Integer.getInteger("bench.objects", 1000);
        int samples = Integer.getInteger("bench.samples", 100);
        for (int i = 0; i < count; i++) {
            Files.writeString(repo.resolve("cm-" + i + ".yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: cm-%d
                    data:
                      index: "%d"
                    """.formatted(i, i));
        }
        try (KubeApiService kube = KubeApiService.start(); KubernetesClient client = kube.newClient();
                KubernetesClient someoneElse = kube.newClient()) {
            for (String namespace : List.of("bench", "gitfleet-system")) {
                client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                        .fieldManager("bench").serverSideApply();
            }
            AssignmentSync sync = new AssignmentSync(new ServerSideApplier(client), new Pruner(client),
                    new InventoryStore(client, "gitfleet-system"));
            RenderResult render = new ManifestRenderer(new WellKnownScopes()).render(new RenderRequest(repo, ".",
                    "bench", Map.of(), "bench", Map.of(), List.of("*")));
            UUID assignment = UUID.randomUUID();
            assertThat(sync.sync(assignment, render, new SyncOptions(true, false, false)).phase())
                    .isEqualTo(SyncPhase.Synced);

            System.out.printf("%nDrift latency, %d owned ConfigMaps, %d edits each, kube-apiserver v1.20.2 "
                    + "(same host):%n", count, samples);
            for (boolean selfHeal : List.of(false, true)) {
                BlockingQueue<AssignmentStatus> statuses = new LinkedBlockingQueue<>();
                StatusBoard board = new StatusBoard(statuses::add);
                try (DriftMonitor monitor = new DriftMonitor(client, sync, new ReentrantLock(), board,
                        (name, drift) -> { })) {
                    board.publish(new AssignmentStatus(assignment, 1, "r", "r", SyncPhase.Synced, Health.Healthy,
                            null, List.of(), List.of(), Instant.now(), Instant.now()));
                    monitor.watch(assignment, WatchedAssignment.of("bench", Ownership.label(assignment,
                            render.objects()), selfHeal, IgnoredFields.NONE));
                    monitor.updateWatches();
                    statuses.clear();
                    List<Double> millis = new ArrayList<>();
                    for (int s = 0; s < samples; s++) {
                        String name = "cm-" + ((s * 7919 + (selfHeal ? 1 : 0)) % count);
                        long start = System.nanoTime();
                        someoneElse.configMaps().inNamespace("bench").withName(name).edit(map -> {
                            map.getData().put("index", "edited");
                            return map;
                        });
                        awaitDrift(statuses, name, selfHeal);
                        millis.add((System.nanoTime() - start) / 1e6);
                        if (!selfHeal) {
                            // Undo by hand so the next sample starts from no drift (and is not a heal).
                            someoneElse.configMaps().inNamespace("bench").withName(name).edit(map -> {
                                map.getData().put("index", name.substring(3));
                                return map;
                            });
                            awaitNoDrift(statuses, name);
                        }
                    }
                    Collections.sort(millis);
                    System.out.printf("  selfHeal %-5s to %-22s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                            selfHeal, selfHeal ? "healed status" : "status with the field",
                            millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                            millis.getLast());
                }
            }
        }
    }

    private static void awaitDrift(BlockingQueue<AssignmentStatus> statuses, String name, boolean healed)
            throws InterruptedException {
        while (true) {
            AssignmentStatus status = statuses.poll(30, TimeUnit.SECONDS);
            assertThat(status).as("drift of %s reported", name).isNotNull();
            for (DriftedObject drift : status.drift()) {
                if (drift.name().equals(name) && drift.fields().equals(List.of("/data/index"))
                        && drift.healed() == healed) {
                    return;
                }
            }
        }
    }

    private static void awaitNoDrift(BlockingQueue<AssignmentStatus> statuses, String name)
            throws InterruptedException {
        while (true) {
            AssignmentStatus status = statuses.poll(30, TimeUnit.SECONDS);
            assertThat(status).as("drift of %s cleared", name).isNotNull();
            if (status.drift().stream().noneMatch(d -> d.name().equals(name))) {
                return;
            }
        }
    }
}
