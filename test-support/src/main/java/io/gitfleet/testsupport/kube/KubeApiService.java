package io.gitfleet.testsupport.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitfleet.testsupport.TestService;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kubernetes API server: one simulated cluster. Real server-side apply, managedFields and dry-run, but no
 * controllers or kubelets, so nothing reconciles status by itself. Several may run at once.
 */
public interface KubeApiService extends TestService {

    /** Starts etcd and kube-apiserver on loopback from the cached local build (see tools/install-kube-apiserver.sh). */
    static KubeApiService start() {
        return LocalKubeApiServer.start();
    }

    /** https URL of the API server. */
    String masterUrl();

    /** Bearer token of a cluster-admin user (group system:masters). */
    String adminToken();

    /** PEM file that verifies the API server's serving certificate. */
    Path caCertFile();

    /** A kubeconfig file for this cluster, for processes that read one. */
    Path kubeconfig();

    default Config clientConfig() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(masterUrl())
                .withOauthToken(adminToken())
                .withCaCertFile(caCertFile().toString())
                .withNamespace("default")
                .build();
    }

    /** A new admin client; the caller closes it. */
    default KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(clientConfig()).build();
    }

    /**
     * Configuration for an application under test: the kubeconfig file, which the fabric8 client (and so
     * quarkus-kubernetes-client) reads from the {@code kubeconfig} property. Passing the token as
     * {@code quarkus.kubernetes-client.token} instead would make Quarkus print it in a build-time warning.
     */
    default Map<String, String> quarkusConfig() {
        return Map.of("kubeconfig", kubeconfig().toString());
    }
}
