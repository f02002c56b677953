package io.gitfleet.testsupport.quarkus;

import io.gitfleet.testsupport.kube.KubeApiService;
import java.util.Map;

/**
 * {@code @QuarkusTestResource(KubeApiTestResource.class)}: a real kube-apiserver as the application's cluster.
 *
 * <p>The fabric8 client finds its cluster through the {@code kubeconfig} system property. A packaged app under
 * {@code @QuarkusIntegrationTest} receives it as {@code -Dkubeconfig=...}; a {@code @QuarkusTest} app shares this
 * JVM, so the property is also set here for the duration of the resource.
 */
public class KubeApiTestResource extends ServiceTestResource<KubeApiService> {

    private static final String KUBECONFIG = "kubeconfig";

    private String previous;

    public KubeApiTestResource() {
        super(KubeApiService.class, KubeApiService::start, KubeApiService::quarkusConfig);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        previous = System.setProperty(KUBECONFIG, config.get(KUBECONFIG));
        return config;
    }

    @Override
    public void stop() {
        if (previous == null) {
            System.clearProperty(KUBECONFIG);
        } else {
            System.setProperty(KUBECONFIG, previous);
        }
        super.stop();
    }
}
