package io.gitfleet.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.agent.apply.AssignmentSync;
import io.gitfleet.agent.apply.InventoryStore;
import io.gitfleet.agent.apply.ObjectChange;
import io.gitfleet.agent.apply.Pruner;
import io.gitfleet.agent.apply.ServerSideApplier;
import io.gitfleet.agent.apply.SyncOptions;
import io.gitfleet.agent.apply.SyncOutcome;
import io.gitfleet.agent.render.ManifestRenderer;
import io.gitfleet.agent.render.RenderRequest;
import io.gitfleet.agent.render.RenderResult;
import io.gitfleet.agent.render.WellKnownScopes;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.kube.KubeApiService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times the sync engine on N objects against a real kube-apiserver: render, first apply, a resync with nothing
 * changed (no writes), and a drift check; prints heap and process RSS afterwards. A measurement, not a test: it is
 * excluded from the suite and run by {@code tools/bench-agent-apply.sh [objects]}; it only checks that the syncs
 * succeeded.
 */
@Tag("bench")
class ApplyBench {

    @TempDir
    Path repo;

    @Test
    void applyManyObjects() throws Exception {
        int count = Integer.getInteger("bench.objects", 1000);
        for (int i = 0; i < count; i++) {
            Files.writeString(repo.resolve("cm-" + i + ".yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: cm-%d
                    data:
                      index: "%d"
                      payload: "%s"
                    """.formatted(i, i, "x".repeat(200)));
        }
        try (KubeApiService kube = KubeApiService.start(); KubernetesClient client = kube.newClient()) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
                    .fieldManager("bench").serverSideApply();
            client.resource(new NamespaceBuilder().withNewMetadata().withName("gitfleet-system").endMetadata()
                    .build()).fieldManager("bench").serverSideApply();
            InventoryStore inventory = new InventoryStore(client, "gitfleet-system");
            AssignmentSync sync = new AssignmentSync(new ServerSideApplier(client), new Pruner(client), inventory);
            UUID assignment = UUID.randomUUID();

            long t0 = System.nanoTime();
            RenderResult render = new ManifestRenderer(new WellKnownScopes()).render(new RenderRequest(repo, ".",
                    "bench", Map.of(), "bench", Map.of(), List.of("*")));
            long t1 = System.nanoTime();
            SyncOutcome first = sync.sync(assignment, render, new SyncOptions(true, false, false));
            long t2 = System.nanoTime();
            SyncOutcome again = sync.sync(assignment, render, new SyncOptions(true, false, false));
            long t3 = System.nanoTime();
            SyncOutcome check = sync.sync(assignment, render,
                    new SyncOptions(true, false, false, SyncOptions.Mode.CHECK));
            long t4 = System.nanoTime();

            assertThat(first.phase()).isEqualTo(SyncPhase.Synced);
            assertThat(again.changes()).allMatch(c -> c.action() == ObjectChange.Action.UNCHANGED);
            assertThat(check.drift()).isEmpty();
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf("%nSync engine over %d ConfigMaps against kube-apiserver v1.20.2 (same host):%n", count);
            System.out.printf("  render                      %7.2f s%n", (t1 - t0) / 1e9);
            System.out.printf("  first apply (dry-run+apply) %7.2f s%n", (t2 - t1) / 1e9);
            System.out.printf("  resync, nothing changed     %7.2f s (0 writes)%n", (t3 - t2) / 1e9);
            System.out.printf("  drift check                 %7.2f s%n", (t4 - t3) / 1e9);
            System.out.printf("  heap used after GC          %7.1f MiB (max %d MiB)%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, runtime.maxMemory() / 1048576);
            System.out.printf("  process RSS                 %s%n", Files.readAllLines(Path.of("/proc/self/status"))
                    .stream().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("n/a"));
        }
    }
}
