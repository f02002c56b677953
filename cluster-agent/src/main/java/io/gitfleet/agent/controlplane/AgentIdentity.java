package io.gitfleet.agent.controlplane;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's credential, kept in a Secret in its own namespace so that a restarted agent does not need the
 * one-time registration token again. Never logged.
 */
public final class AgentIdentity {

    static final String SECRET = "gitfleet-agent-credential";

    private final KubernetesClient client;
    private final String namespace;

    public AgentIdentity(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Cluster id and credential, as registration returned them. */
    public record Stored(String clusterId, String clusterName, String credential, String kafkaBootstrapServers,
            String statusTopic) {

        @Override
        public String toString() {
            return "Stored[clusterId=" + clusterId + ", clusterName=" + clusterName + ", credential=***]";
        }
    }

    public Optional<Stored> load() {
        Secret secret = client.secrets().inNamespace(namespace).withName(SECRET).get();
        if (secret == null || secret.getData() == null || !secret.getData().containsKey("credential")) {
            return Optional.empty();
        }
        Map<String, String> data = secret.getData();
        return Optional.of(new Stored(decode(data.get("clusterId")), decode(data.get("clusterName")),
                decode(data.get("credential")), decode(data.get("kafkaBootstrapServers")),
                decode(data.get("statusTopic"))));
    }

    public void save(Stored identity) {
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(SECRET).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "gitfleet").endMetadata()
                .withType("Opaque")
                .addToStringData("clusterId", identity.clusterId())
                .addToStringData("clusterName", identity.clusterName())
                .addToStringData("credential", identity.credential())
                .addToStringData("kafkaBootstrapServers", identity.kafkaBootstrapServers())
                .addToStringData("statusTopic", identity.statusTopic())
                .build();
        client.resource(secret).fieldManager("gitfleet").forceConflicts().serverSideApply();
    }

    private static String decode(String base64) {
        return base64 == null ? null : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
