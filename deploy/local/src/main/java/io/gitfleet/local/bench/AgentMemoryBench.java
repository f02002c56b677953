package io.gitfleet.local.bench;

import static io.gitfleet.local.bench.JsonFields.field;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.local.LocalPlatform;
import io.gitfleet.local.LocalPlatformConfig;
import io.gitfleet.testsupport.git.GitRepository;
import io.gitfleet.testsupport.git.GitServer;
import io.gitfleet.testsupport.kube.KubeApiService;
import io.gitfleet.testsupport.process.ManagedProcess;
import io.gitfleet.testsupport.process.Ports;
import io.gitfleet.testsupport.process.TempDirs;
import io.gitfleet.testsupport.process.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The packaged agent's resident memory while it manages N objects: the whole platform runs locally (API,
 * PostgreSQL, Kafka), a real Git server holds N ConfigMaps, a real kube-apiserver receives them. Once all are
 * applied, the agent runs resyncs (every 15 s) and handles drift (edits by another manager, healed) while its RSS
 * is sampled from {@code /proc/<pid>/status} every second for the sampling window.
 *
 * <p>Usage: {@code tools/bench-agent-memory.sh [objects] [seconds] [agent JVM flags...]}
 */
public final class AgentMemoryBench {

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<String> flags = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Path work = TempDirs.create("agent-memory");
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        try (LocalPlatform platform = LocalPlatform.start(config);
                KubeApiService kube = KubeApiService.start();
                GitServer git = GitServer.start();
                KubernetesClient cluster = kube.newClient()) {
            GitRepository repo = git.createRepository("fleet");
            for (int i = 0; i < objects; i++) {
                repo.write("apps/bench/cm-" + i + ".yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-"
                        + i + "\ndata:\n  index: \"" + i + "\"\n  payload: \"" + "x".repeat(200) + "\"\n");
            }
            repo.commit("objects");
            cluster.resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
                    .fieldManager("bench").serverSideApply();
            String token = setUp(platform, repo);

            Path agentJar = Path.of("cluster-agent/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(flags);
            command.addAll(List.of("-Dquarkus.http.port=" + Ports.freeLoopbackPort(), "-Dquarkus.http.host=127.0.0.1",
                    "-jar", agentJar.toString()));
            long started = System.nanoTime();
            try (ManagedProcess agent = ManagedProcess.start("cluster-agent", command, agentJar.getParent(), Map.of(
                    "KUBECONFIG", kube.kubeconfig().toString(),
                    "GITFLEET_AGENT_API_URL", platform.apiUrl(),
                    "GITFLEET_AGENT_REGISTRATION_TOKEN", token,
                    "GITFLEET_AGENT_CACHE_DIR", work.resolve("cache").toString(),
                    "GITFLEET_AGENT_RESYNC_INTERVAL", "15s",
                    // glibc's per-thread malloc arenas hold tens of MiB a JVM never needs back (see cluster-agent/README.md).
                    "MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2")),
                    work.resolve("agent.log"))) {
                Waits.until(objects + " objects applied", Duration.ofMinutes(5), agent,
                        () -> cluster.configMaps().inNamespace("bench").withLabel("gitfleet.io/assignment").list()
                                .getItems().size() == objects);
                double applied = (System.nanoTime() - started) / 1e9;
                long peakDuringApply = kib(agent.pid(), "VmHWM");
                List<Long> samples = new ArrayList<>();
                for (int s = 0; s < seconds; s++) {
                    if (s % 5 == 0) {
                        cluster.configMaps().inNamespace("bench").withName("cm-" + s).edit(map -> {
                            map.getData().put("index", "edited");
                            return map;
                        });
                    }
                    samples.add(kib(agent.pid(), "VmRSS"));
                    Thread.sleep(1000);
                }
                samples.sort(Long::compare);
                System.out.printf("%nPackaged agent managing %d ConfigMaps (kube-apiserver v1.20.2, full local "
                        + "platform, resync 15 s, an edit healed every 5 s)%n", objects);
                System.out.printf("  MALLOC_ARENA_MAX          %s%n", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
                System.out.printf("  JVM flags                 %s%n", flags.isEmpty() ? "(none)" : String.join(" ",
                        flags));
                System.out.printf("  start → all applied       %6.1f s%n", applied);
                System.out.printf("  RSS peak until applied    %6.1f MiB (VmHWM)%n", peakDuringApply / 1024.0);
                System.out.printf("  RSS over %d s after        median %6.1f MiB, max %6.1f MiB%n", seconds,
                        samples.get(samples.size() / 2) / 1024.0, samples.getLast() / 1024.0);
                System.out.printf("  RSS peak overall          %6.1f MiB (VmHWM)%n", kib(agent.pid(), "VmHWM") / 1024.0);
            }
        } finally {
            TempDirs.deleteQuietly(work);
        }
    }

    private static long kib(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }

    /** Tenant, source, assignment (selfHeal) and a registration token, through the API as the bootstrap admin. */
    private static String setUp(LocalPlatform platform, GitRepository repo) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + platform.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            call(http, platform.apiUrl(), auth, "/api/v1/tenants", "{\"name\":\"bench\",\"namespaces\":[\"bench\"]}");
            String source = field(call(http, platform.apiUrl(), auth, "/api/v1/sources", "{\"tenant\":\"bench\","
                    + "\"name\":\"fleet\",\"url\":\"" + repo.url() + "\",\"ref\":\"main\"}"), "id");
            call(http, platform.apiUrl(), auth, "/api/v1/sources/" + source + "/refresh", "");
            call(http, platform.apiUrl(), auth, "/api/v1/assignments", "{\"tenant\":\"bench\",\"name\":\"bench\","
                    + "\"source\":\"fleet\",\"path\":\"apps/bench\",\"namespace\":\"bench\",\"selector\":{},"
                    + "\"policy\":{\"selfHeal\":true}}");
            return field(call(http, platform.apiUrl(), auth, "/api/v1/registration-tokens",
                    "{\"clusterName\":\"bench\"}"), "token");
        }
    }

    /** POSTs {@code body} (JSON) as {@code auth}; anything but 2xx fails the benchmark. */
    static String call(HttpClient http, String api, String auth, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
