package io.gitfleet.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.common.Topics;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.StatusSigner;
import io.gitfleet.common.agent.SyncPhase;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Git commit → applied, end to end with real parts only: the packaged control plane on embedded PostgreSQL, a
 * real Git server, a real kube-apiserver, and the packaged agent registering with a one-time token.
 */
class AgentEndToEndIT {

    @Test
    void aCommitIsAppliedAndWhatLeftGitIsPruned() throws Exception {
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("../.."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        Path work = TempDirs.create("agent-e2e");
        try (LocalPlatform platform = LocalPlatform.start(config);
                KubeApiService kube = KubeApiService.start();
                GitServer git = GitServer.start();
                KubernetesClient cluster = kube.newClient()) {
            GitRepository repo = git.createRepository("fleet");
            repo.write("apps/web/settings.yaml", configMap("settings", "v1"))
                    .write("apps/web/extra.yaml", configMap("extra", "v1")).commit("first");
            Admin admin = new Admin(platform.apiUrl(), platform.adminPassword());
            String source = webAssignment(admin, cluster, repo);
            String token = field(admin.call("POST", "/api/v1/registration-tokens",
                    "{\"clusterName\":\"e2e\",\"labels\":{\"env\":\"test\"}}"), "token");

            int agentPort = Ports.freeLoopbackPort();
            try (ManagedProcess agent = startAgent(kube, platform, token, work, agentPort)) {
                Waits.until("settings applied", Duration.ofSeconds(90), agent,
                        () -> value(cluster, "settings").equals("v1") && value(cluster, "extra").equals("v1"));
                assertThat(cluster.secrets().inNamespace("gitfleet-system").withName("gitfleet-agent-credential")
                        .get()).as("credential stored for restarts").isNotNull();
                assertSignedStatusArrives(platform, cluster, repo.head());
                // ... and the control plane ingested it: the assignment rolls up Synced and Healthy at the commit.
                String assignment = field(admin.call("GET", "/api/v1/assignments?tenant=web", ""), "id");
                Waits.until("the control plane shows the assignment Synced", Duration.ofSeconds(30), agent,
                        () -> call(admin, "/api/v1/status/assignments/" + assignment)
                                .contains("\"phase\":\"Synced\",\"health\":\"Healthy\""));
                assertThat(admin.call("GET", "/api/v1/status/clusters/" + field(admin.call("GET",
                        "/api/v1/clusters?name=e2e", ""), "id"), "")).contains("\"appliedRevision\":\""
                        + repo.head() + "\"").contains("\"state\":\"Connected\"");

                repo.write("apps/web/settings.yaml", configMap("settings", "v2")).delete("apps/web/extra.yaml")
                        .commit("second");
                admin.call("POST", "/api/v1/sources/" + source + "/refresh", "");

                Waits.until("v2 applied and extra pruned", Duration.ofSeconds(60), agent,
                        () -> value(cluster, "settings").equals("v2") && value(cluster, "extra").isEmpty());

                // The control plane goes away; the agent keeps healing toward what it was last told. The resync
                // interval is 10 minutes here: only the watch on owned objects can bring the object back in time.
                platform.close();
                cluster.configMaps().inNamespace("web").withName("settings").delete();
                Waits.until("settings restored without the control plane", Duration.ofSeconds(30), agent,
                        () -> value(cluster, "settings").equals("v2"));
                assertThat(Files.readString(work.resolve("agent.log"))).contains("control plane unreachable")
                        .doesNotContain(token);
                assertThat(get("http://127.0.0.1:" + agentPort + "/q/metrics"))
                        .contains("gitfleet_agent_objects_applied_total{action=\"created\",assignment=\"web\"}")
                        .contains("gitfleet_agent_objects_pruned_total{assignment=\"web\",kind=\"ConfigMap\"} 1.0")
                        .contains("gitfleet_agent_drift_detected_total{assignment=\"web\",healed=\"true\"}")
                        .contains("gitfleet_agent_reconcile_seconds_count");
            }
        } finally {
            TempDirs.deleteQuietly(work);
        }
    }

    @Test
    void aRevokedAgentAppliesNothingNewAndSaysSo() throws Exception {
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("../.."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        Path work = TempDirs.create("agent-revoked");
        try (LocalPlatform platform = LocalPlatform.start(config);
                KubeApiService kube = KubeApiService.start();
                GitServer git = GitServer.start();
                KubernetesClient cluster = kube.newClient()) {
            GitRepository repo = git.createRepository("fleet");
            repo.write("apps/web/settings.yaml", configMap("settings", "v1")).commit("first");
            Admin admin = new Admin(platform.apiUrl(), platform.adminPassword());
            String source = webAssignment(admin, cluster, repo);
            String issued = admin.call("POST", "/api/v1/registration-tokens", "{\"clusterName\":\"gone\"}");

            try (ManagedProcess agent = startAgent(kube, platform, field(issued, "token"), work,
                    Ports.freeLoopbackPort())) {
                Waits.until("v1 applied", Duration.ofSeconds(90), agent,
                        () -> value(cluster, "settings").equals("v1"));

                admin.call("POST", "/api/v1/clusters/" + field(issued, "clusterId") + "/revoke", "");
                Waits.until("the agent says it is refused", Duration.ofSeconds(30), agent,
                        () -> log(work).contains("applying nothing new"));
                repo.write("apps/web/settings.yaml", configMap("settings", "v2")).commit("second");
                String revision = field(admin.call("POST", "/api/v1/sources/" + source + "/refresh", ""),
                        "resolvedRevision");
                int refusals = count(log(work), "applying nothing new");
                Waits.until("the agent tried again after the commit", Duration.ofSeconds(30), agent,
                        () -> count(log(work), "applying nothing new") > refusals);

                assertThat(revision).isEqualTo(repo.head());
                assertThat(value(cluster, "settings")).as("nothing new applied").isEqualTo("v1");
            }
        } finally {
            TempDirs.deleteQuietly(work);
        }
    }

    /** The agent reports the assignment Synced and Healthy at the commit, signed with its stored credential. */
    private static void assertSignedStatusArrives(LocalPlatform platform, KubernetesClient cluster, String commit)
            throws Exception {
        String credential = new String(Base64.getDecoder().decode(cluster.secrets().inNamespace("gitfleet-system")
                .withName("gitfleet-agent-credential").get().getData().get("credential")), StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.AGENT_STATUS));
            AssignmentStatus synced = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (synced == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    StatusEnvelope envelope = json.readValue(record.value(), StatusEnvelope.class);
                    assertThat(StatusSigner.verify(envelope, credential)).as("tag of %s", envelope.type()).isTrue();
                    assertThat(record.key()).isEqualTo(envelope.clusterId().toString());
                    if (envelope.type().equals(StatusEnvelope.ASSIGNMENT_STATUS)) {
                        AssignmentStatus status = json.readValue(envelope.payload(), AssignmentStatus.class);
                        if (status.phase() == SyncPhase.Synced) {
                            synced = status;
                        }
                    }
                }
            }
            assertThat(synced).as("a Synced status on Kafka").isNotNull();
            assertThat(synced.appliedRevision()).isEqualTo(commit);
            assertThat(synced.health()).isEqualTo(Health.Healthy);
            assertThat(synced.inventory()).extracting(ObjectStatus::name).contains("settings", "extra");
        }
    }

    /**
     * Tenant "web" owning namespace web, the repository as its source, and apps/web assigned to every cluster with
     * selfHeal, so the agent puts back what is changed or deleted in the cluster.
     */
    private static String webAssignment(Admin admin, KubernetesClient cluster, GitRepository repo) throws Exception {
        cluster.resource(new NamespaceBuilder().withNewMetadata().withName("web").endMetadata().build())
                .fieldManager("test").serverSideApply();
        admin.call("POST", "/api/v1/tenants", "{\"name\":\"web\",\"namespaces\":[\"web\"]}");
        String source = field(admin.call("POST", "/api/v1/sources", "{\"tenant\":\"web\",\"name\":\"fleet\","
                + "\"url\":\"" + repo.url() + "\",\"ref\":\"main\"}"), "id");
        admin.call("POST", "/api/v1/sources/" + source + "/refresh", "");
        admin.call("POST", "/api/v1/assignments", "{\"tenant\":\"web\",\"name\":\"web\",\"source\":\"fleet\","
                + "\"path\":\"apps/web\",\"namespace\":\"web\",\"selector\":{},\"policy\":{\"selfHeal\":true}}");
        return source;
    }

    private static ManagedProcess startAgent(KubeApiService kube, LocalPlatform platform, String token, Path work,
            int port) {
        Path agentJar = Path.of("../../cluster-agent/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        return ManagedProcess.start("cluster-agent", List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                        "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                        "-jar", agentJar.toString()),
                agentJar.getParent(), Map.of(
                        "KUBECONFIG", kube.kubeconfig().toString(),
                        "GITFLEET_AGENT_API_URL", platform.apiUrl(),
                        "GITFLEET_AGENT_REGISTRATION_TOKEN", token,
                        "GITFLEET_AGENT_CACHE_DIR", work.resolve("cache").toString(),
                        "GITFLEET_AGENT_RESYNC_INTERVAL", "10m"),
                work.resolve("agent.log"));
    }

    private static String call(Admin admin, String path) {
        try {
            return admin.call("GET", path, "");
        } catch (Exception e) {
            return "";
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    private static String log(Path work) {
        try {
            return Files.readString(work.resolve("agent.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static String value(KubernetesClient cluster, String name) {
        ConfigMap map = cluster.configMaps().inNamespace("web").withName(name).get();
        return map == null || map.getData() == null ? "" : map.getData().getOrDefault("value", "");
    }

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  value: " + value + "\n";
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }

    /** The bootstrap admin over HTTP Basic. */
    private static final class Admin {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        private final String api;
        private final String authorization;

        Admin(String api, String password) {
            this.api = api;
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        }

        String call(String method, String path, String body) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
            return response.body();
        }
    }
}
