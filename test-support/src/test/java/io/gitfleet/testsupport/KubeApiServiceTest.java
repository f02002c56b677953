package io.gitfleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitfleet.testsupport.junit.ServiceExtension;
import io.gitfleet.testsupport.kube.KubeApiService;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real kube-apiserver: what the fabric8 mock server cannot do. */
class KubeApiServiceTest {

    @RegisterExtension
    static final ServiceExtension<KubeApiService> KUBE = new ServiceExtension<>(KubeApiService::start);

    @Test
    void serverSideApplyRecordsTheFieldManagerAndDryRunPersistsNothing() {
        try (KubernetesClient client = KUBE.get().newClient()) {
            assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.20.2");

            ConfigMap desired = new ConfigMapBuilder()
                    .withNewMetadata().withName("smoke").withNamespace("default").endMetadata()
                    .addToData("replicas", "3")
                    .build();
            ConfigMap applied = client.resource(desired).fieldManager("gitfleet").forceConflicts().serverSideApply();

            assertThat(applied.getMetadata().getManagedFields())
                    .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
                    .contains(org.assertj.core.groups.Tuple.tuple("gitfleet", "Apply"));
            String version = applied.getMetadata().getResourceVersion();

            ConfigMap changed = new ConfigMapBuilder(desired).addToData("replicas", "5").build();
            ConfigMap dryRun = client.resource(changed).dryRun().fieldManager("gitfleet").forceConflicts()
                    .serverSideApply();
            assertThat(dryRun.getData()).containsEntry("replicas", "5");

            ConfigMap live = client.configMaps().inNamespace("default").withName("smoke").get();
            assertThat(live.getData()).containsEntry("replicas", "3");
            assertThat(live.getMetadata().getResourceVersion()).isEqualTo(version);

            ConfigMap dryCreate = client.resource(new ConfigMapBuilder()
                    .withNewMetadata().withName("never").withNamespace("default").endMetadata().build())
                    .dryRun().create();
            assertThat(dryCreate.getMetadata().getName()).isEqualTo("never");
            assertThat(client.configMaps().inNamespace("default").withName("never").get()).isNull();
        }
    }

    @Test
    void eachInstanceIsItsOwnCluster() throws Exception {
        try (KubeApiService other = KubeApiService.start();
                KubernetesClient first = KUBE.get().newClient();
                KubernetesClient second = other.newClient()) {
            assertThat(other.masterUrl()).isNotEqualTo(KUBE.get().masterUrl());
            first.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("only-in-first")
                    .endMetadata().build()).create();

            assertThat(first.namespaces().withName("only-in-first").get()).isNotNull();
            assertThat(second.namespaces().withName("only-in-first").get()).isNull();
            assertThat(Files.readString(other.kubeconfig())).contains(other.masterUrl());
        }
    }
}
