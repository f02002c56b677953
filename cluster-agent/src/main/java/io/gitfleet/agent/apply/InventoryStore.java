package io.gitfleet.agent.apply;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.agent.render.ObjectKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each assignment's inventory lives in the cluster it describes, as a ConfigMap in the agent's namespace, so a
 * restarted (or replaced) agent still knows what it owns and what to prune.
 */
public final class InventoryStore {

    private static final String KEY = "objects.json";
    private static final String ASSIGNMENT_LABEL = "gitfleet.io/assignment";
    private static final String PRUNE_LABEL = "gitfleet.io/prune";
    private static final TypeReference<List<Map<String, String>>> ENTRIES = new TypeReference<>() {
    };

    private final KubernetesClient client;
    private final String namespace;

    public InventoryStore(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public List<InventoryEntry> load(UUID assignment) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(name(assignment)).get();
        if (map == null || map.getData() == null || !map.getData().containsKey(KEY)) {
            return List.of();
        }
        return client.getKubernetesSerialization().unmarshal(
                new ByteArrayInputStream(map.getData().get(KEY).getBytes(StandardCharsets.UTF_8)), ENTRIES).stream()
                .map(e -> new InventoryEntry(new ObjectKey(e.get("group"), e.get("kind"), e.get("namespace"),
                        e.get("name")), e.get("apiVersion")))
                .toList();
    }

    /** Assignments that have an inventory here, with whether they prune (so a removed one knows what to do). */
    public Map<UUID, Boolean> assignments() {
        return client.configMaps().inNamespace(namespace).withLabel(ASSIGNMENT_LABEL).list().getItems().stream()
                .collect(java.util.stream.Collectors.toMap(
                        m -> UUID.fromString(m.getMetadata().getLabels().get(ASSIGNMENT_LABEL)),
                        m -> !"false".equals(m.getMetadata().getLabels().get(PRUNE_LABEL))));
    }

    public void save(UUID assignment, List<InventoryEntry> entries, boolean prune) {
        List<Map<String, String>> rows = entries.stream()
                .sorted(Comparator.comparing(InventoryEntry::key))
                .map(e -> Map.of("group", e.key().group(), "kind", e.key().kind(), "namespace", e.key().namespace(),
                        "name", e.key().name(), "apiVersion", e.apiVersion()))
                .toList();
        ConfigMap map = new ConfigMapBuilder()
                .withNewMetadata().withName(name(assignment)).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "gitfleet")
                .addToLabels(ASSIGNMENT_LABEL, assignment.toString())
                .addToLabels(PRUNE_LABEL, String.valueOf(prune))
                .endMetadata()
                .addToData(KEY, client.getKubernetesSerialization().asJson(rows))
                .build();
        client.resource(map).fieldManager("gitfleet").forceConflicts().serverSideApply();
    }

    public void delete(UUID assignment) {
        client.configMaps().inNamespace(namespace).withName(name(assignment)).delete();
    }

    private static String name(UUID assignment) {
        return "gitfleet-inventory-" + assignment;
    }
}
