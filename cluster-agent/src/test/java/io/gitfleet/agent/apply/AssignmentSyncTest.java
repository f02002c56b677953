package io.gitfleet.agent.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.agent.render.ManifestRenderer;
import io.gitfleet.agent.render.RenderRequest;
import io.gitfleet.agent.render.RenderResult;
import io.gitfleet.agent.render.WellKnownScopes;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.IgnoreRule;
import io.gitfleet.common.agent.SyncPhase;
import io.gitfleet.testsupport.junit.ServiceExtension;
import io.gitfleet.testsupport.kube.KubeApiService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Render → dry-run → server-side apply → prune → inventory, against a real kube-apiserver. */
class AssignmentSyncTest {

    @RegisterExtension
    static final ServiceExtension<KubeApiService> KUBE = new ServiceExtension<>(KubeApiService::start);

    @TempDir
    Path repo;

    private KubernetesClient client;
    private AssignmentSync sync;
    private String namespace;
    private final UUID assignment = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        client = KUBE.get().newClient();
        namespace = "apps-" + Long.toString(System.nanoTime(), 36);
        client.resource(new NamespaceBuilder().withNewMetadata().withName("gitfleet-system").endMetadata().build())
                .fieldManager("test").serverSideApply();
        sync = new AssignmentSync(new ServerSideApplier(client), new Pruner(client),
                new InventoryStore(client, "gitfleet-system"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private RenderResult render() {
        return new ManifestRenderer(new WellKnownScopes()).render(new RenderRequest(repo, ".", namespace, Map.of(),
                "edge-1", Map.of(), List.of("apps-*")));
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(repo.resolve(file), content);
    }

    private String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                  value: "%s"
                """.formatted(name, value);
    }

    private ConfigMap live(String name) {
        return client.configMaps().inNamespace(namespace).withName(name).get();
    }

    @Test
    void appliesOnlyWhatChangedAndPrunesWhatLeftGit() throws IOException {
        write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n");
        write("a.yaml", configMap("a", "1"));
        write("b.yaml", configMap("b", "1"));

        SyncOutcome first = sync.sync(assignment, render(), new SyncOptions(true, false, false));

        assertThat(first.phase()).as(first.problems().toString()).isEqualTo(SyncPhase.Synced);
        assertThat(first.changes()).extracting(ObjectChange::action).containsOnly(ObjectChange.Action.CREATED);
        assertThat(live("a").getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .contains("gitfleet");
        assertThat(live("a").getMetadata().getLabels()).as("owner label for the watches")
                .containsEntry(Ownership.ASSIGNMENT_LABEL, assignment.toString());
        String versionOfB = live("b").getMetadata().getResourceVersion();

        write("a.yaml", configMap("a", "2"));
        SyncOutcome second = sync.sync(assignment, render(), new SyncOptions(true, false, false));

        assertThat(second.changes()).extracting(c -> c.key().name() + ":" + c.action())
                .containsExactlyInAnyOrder(namespace + ":UNCHANGED", "a:CONFIGURED", "b:UNCHANGED");
        assertThat(live("a").getData()).containsEntry("value", "2");
        assertThat(live("b").getMetadata().getResourceVersion()).as("untouched object not written")
                .isEqualTo(versionOfB);

        Files.delete(repo.resolve("b.yaml"));
        SyncOutcome third = sync.sync(assignment, render(), new SyncOptions(true, false, false));

        assertThat(third.changes()).extracting(c -> c.key().name() + ":" + c.action()).contains("b:DELETED");
        assertThat(live("b")).isNull();
        assertThat(live("a")).isNotNull();
    }

    @Test
    void aFailedDryRunAppliesAndPrunesNothing() throws IOException {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("test").serverSideApply();
        write("a.yaml", configMap("a", "1"));
        write("b.yaml", configMap("b", "1"));
        assertThat(sync.sync(assignment, render(), new SyncOptions(true, false, false)).phase())
                .isEqualTo(SyncPhase.Synced);

        Files.delete(repo.resolve("b.yaml"));
        write("a.yaml", configMap("a", "2"));
        write("bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: 99999\n");
        SyncOutcome outcome = sync.sync(assignment, render(), new SyncOptions(true, false, false));

        assertThat(outcome.phase()).isEqualTo(SyncPhase.Failed);
        assertThat(outcome.problems()).singleElement().asString().startsWith("Service/" + namespace + "/bad dry-run failed");
        assertThat(live("a").getData()).as("nothing applied").containsEntry("value", "1");
        assertThat(live("b")).as("nothing pruned").isNotNull();
    }

    @Test
    void brokenYamlFailsWithFileAndLineAndChangesNothing() throws IOException {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("test").serverSideApply();
        write("a.yaml", configMap("a", "1"));
        write("b.yaml", configMap("b", "1"));
        sync.sync(assignment, render(), new SyncOptions(true, false, false));
        String versionOfA = live("a").getMetadata().getResourceVersion();

        write("a.yaml", configMap("a", "2"));
        Files.delete(repo.resolve("b.yaml"));
        write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");
        SyncOutcome outcome = sync.sync(assignment, render(), new SyncOptions(true, false, false));

        assertThat(outcome.phase()).isEqualTo(SyncPhase.Failed);
        assertThat(outcome.problems()).singleElement().asString().startsWith("broken.yaml:");
        assertThat(live("a").getMetadata().getResourceVersion()).as("nothing applied").isEqualTo(versionOfA);
        assertThat(live("b")).as("nothing pruned").isNotNull();
    }

    @Test
    void anEditByAnotherManagerIsDriftReportedWithItsFieldAndHealedOnlyWhenAsked() throws IOException {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("test").serverSideApply();
        write("a.yaml", configMap("a", "1"));
        write("b.yaml", configMap("b", "1"));
        sync.sync(assignment, render(), new SyncOptions(true, false, false));

        // What `kubectl edit` does: another field manager changes a field Git sets.
        client.configMaps().inNamespace(namespace).withName("a").edit(map -> {
            map.getData().put("value", "edited");
            return map;
        });
        client.configMaps().inNamespace(namespace).withName("b").delete();

        SyncOutcome checked = sync.sync(assignment, render(),
                new SyncOptions(true, false, false, SyncOptions.Mode.CHECK));

        assertThat(checked.drift()).extracting(d -> d.name() + ":" + d.fields() + ":" + d.deleted() + ":" + d.healed())
                .containsExactlyInAnyOrder("a:[/data/value]:false:false", "b:[]:true:false");
        assertThat(live("a").getData()).as("selfHeal off: reported, not touched").containsEntry("value", "edited");
        assertThat(live("b")).isNull();

        SyncOutcome healed = sync.sync(assignment, render(),
                new SyncOptions(true, false, false, SyncOptions.Mode.HEAL));

        assertThat(healed.drift()).hasSize(2).allMatch(DriftedObject::healed);
        assertThat(live("a").getData()).containsEntry("value", "1");
        assertThat(live("b")).isNotNull();
        assertThat(sync.sync(assignment, render(), new SyncOptions(true, false, false, SyncOptions.Mode.CHECK))
                .drift()).as("no drift after healing").isEmpty();
    }

    @Test
    void ignoredFieldsAreNeitherDriftNorChangedOnceTheObjectExists() throws IOException {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("test").serverSideApply();
        IgnoredFields ignored = new IgnoredFields(List.of(
                new IgnoreRule(null, "ConfigMap", null, "a", List.of("/data/scale"))));
        write("a.yaml", configMap("a", "1") + "  scale: \"3\"\n");
        SyncOptions apply = new SyncOptions(true, false, false, SyncOptions.Mode.APPLY, ignored);
        assertThat(sync.sync(assignment, render(), apply).phase()).isEqualTo(SyncPhase.Synced);
        assertThat(live("a").getData()).as("created as Git says").containsEntry("scale", "3");

        // An autoscaler-like manager owns "scale" from now on.
        client.configMaps().inNamespace(namespace).withName("a").edit(map -> {
            map.getData().put("scale", "7");
            map.getData().put("value", "edited");
            return map;
        });
        SyncOutcome checked = sync.sync(assignment, render(),
                new SyncOptions(true, false, false, SyncOptions.Mode.CHECK, ignored));
        assertThat(checked.drift()).singleElement().extracting(DriftedObject::fields)
                .isEqualTo(List.of("/data/value"));

        write("a.yaml", configMap("a", "2") + "  scale: \"4\"\n");
        SyncOutcome changed = sync.sync(assignment, render(), new SyncOptions(true, true, false,
                SyncOptions.Mode.APPLY, ignored));
        assertThat(changed.phase()).as(changed.problems().toString()).isEqualTo(SyncPhase.Synced);
        assertThat(live("a").getData()).as("Git's change applied, the ignored field left as it is")
                .containsEntry("value", "2").containsEntry("scale", "7");
    }

    @Test
    void anEmptyRenderNeverPrunesEverythingSilently() throws IOException {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("test").serverSideApply();
        write("a.yaml", configMap("a", "1"));
        sync.sync(assignment, render(), new SyncOptions(true, false, false));
        Files.delete(repo.resolve("a.yaml"));

        SyncOutcome refused = sync.sync(assignment, render(), new SyncOptions(true, false, false));
        assertThat(refused.phase()).isEqualTo(SyncPhase.Failed);
        assertThat(refused.problems()).singleElement().asString().startsWith("the render is empty");
        assertThat(live("a")).isNotNull();

        SyncOutcome removed = sync.remove(assignment, true);
        assertThat(removed.phase()).isEqualTo(SyncPhase.Synced);
        assertThat(live("a")).isNull();
        assertThat(client.configMaps().inNamespace("gitfleet-system").withName("gitfleet-inventory-" + assignment)
                .get()).isNull();
    }

    @Test
    void customResourcesApplyAfterTheirDefinitionIsEstablished() throws IOException {
        String group = "t" + Long.toString(System.nanoTime(), 36) + ".example.com";
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("test").serverSideApply();
        write("crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%1$s
                spec:
                  group: %1$s
                  scope: Namespaced
                  names: {kind: Widget, plural: widgets, singular: widget}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec: {type: object, properties: {size: {type: integer}}}
                """.formatted(group));
        write("widget.yaml", "apiVersion: %s/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n"
                .formatted(group));
        RenderResult render = new ManifestRenderer(new WellKnownScopes()).render(new RenderRequest(repo, ".",
                namespace, Map.of(), "edge-1", Map.of(), List.of("*")));

        SyncOutcome outcome = sync.sync(assignment, render, new SyncOptions(true, false, false));

        assertThat(outcome.phase()).as(outcome.problems().toString()).isEqualTo(SyncPhase.Synced);
        assertThat(client.genericKubernetesResources(group + "/v1", "Widget").inNamespace(namespace).withName("w")
                .get().getAdditionalProperties().get("spec")).isEqualTo(Map.of("size", 3));
    }
}
