package io.gitfleet.agent.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.common.agent.DesiredState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The last desired state the control plane sent, kept in the cluster so a restarted agent keeps reconciling while
 * the control plane is unreachable. A Secret, because it carries source credentials.
 */
final class LastDesiredState {

    private static final String NAME = "gitfleet-desired-state";
    private static final String KEY = "state.json";

    private final KubernetesClient client;
    private final String namespace;
    private final ObjectMapper json;

    LastDesiredState(KubernetesClient client, String namespace, ObjectMapper json) {
        this.client = client;
        this.namespace = namespace;
        this.json = json;
    }

    Optional<DesiredState> load() {
        Secret secret = client.secrets().inNamespace(namespace).withName(NAME).get();
        if (secret == null || secret.getData() == null || !secret.getData().containsKey(KEY)) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getDecoder().decode(secret.getData().get(KEY)), StandardCharsets.UTF_8);
            return Optional.of(json.readValue(text, DesiredState.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    void save(DesiredState state) {
        try {
            Secret secret = new SecretBuilder()
                    .withNewMetadata().withName(NAME).withNamespace(namespace)
                    .addToLabels("app.kubernetes.io/managed-by", "gitfleet").endMetadata()
                    .addToStringData(KEY, json.writeValueAsString(state))
                    .build();
            client.resource(secret).fieldManager("gitfleet").forceConflicts().serverSideApply();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("desired state cannot be serialised", e);
        }
    }
}
