package io.gitfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.common.agent.AgentInstallManifest;
import io.gitfleet.testsupport.junit.ServiceExtension;
import io.gitfleet.testsupport.kube.KubeApiService;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The manifest the console shows with a registration token, applied to a real kube-apiserver: it is valid
 * Kubernetes, and the environment its Deployment gives the agent is exactly the configuration the agent reads
 * (API URL, token, its own namespace).
 */
class AgentInstallManifestTest {

    @RegisterExtension
    static final ServiceExtension<KubeApiService> KUBE = new ServiceExtension<>(KubeApiService::start);

    @Test
    void theManifestAppliesAndGivesTheAgentTheConfigurationItReads() {
        AgentInstallManifest manifest = new AgentInstallManifest("https://gitfleet.example.com",
                "ghcr.io/gitfleet/cluster-agent:0.1.0", "gfr_install-test-token");
        try (KubernetesClient client = KUBE.get().newClient()) {
            List<HasMetadata> objects = client.load(new ByteArrayInputStream(manifest.yaml()
                    .getBytes(StandardCharsets.UTF_8))).items();
            assertThat(objects).extracting(HasMetadata::getKind).containsExactly("Namespace", "ServiceAccount",
                    "ClusterRoleBinding", "Secret", "Deployment");
            client.resourceList(objects).fieldManager("install-test").forceConflicts().serverSideApply();

            Deployment agent = client.apps().deployments().inNamespace(AgentInstallManifest.NAMESPACE)
                    .withName("gitfleet-agent").get();
            assertThat(agent.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("gitfleet-agent");
            Map<String, String> environment = new HashMap<>();
            var container = agent.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getImage()).isEqualTo("ghcr.io/gitfleet/cluster-agent:0.1.0");
            for (EnvVar variable : container.getEnv()) {
                environment.put(variable.getName(), variable.getValue());
            }
            String secretName = container.getEnvFrom().getFirst().getSecretRef().getName();
            Secret secret = client.secrets().inNamespace(AgentInstallManifest.NAMESPACE).withName(secretName).get();
            secret.getData().forEach((key, value) -> environment.put(key,
                    new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));

            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new EnvConfigSource(environment, 300))
                    // Quarkus reads "30s"-style durations; plain SmallRye needs its converter for the defaults.
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(AgentConfig.class)
                    .build();
            AgentConfig agentConfig = config.getConfigMapping(AgentConfig.class);
            assertThat(agentConfig.apiUrl()).contains("https://gitfleet.example.com");
            assertThat(agentConfig.registrationToken()).contains("gfr_install-test-token");
            assertThat(agentConfig.namespace()).as("the agent keeps its credential where the manifest runs it")
                    .isEqualTo(AgentInstallManifest.NAMESPACE);
        }
    }
}
