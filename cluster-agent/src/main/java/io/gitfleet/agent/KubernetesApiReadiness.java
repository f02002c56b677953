package io.gitfleet.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The agent is ready only while it can reach its cluster's API server: without it, it can neither apply nor
 * watch for drift. Synchronous checks run on a worker thread, so the blocking client call is fine here.
 */
@Readiness
public class KubernetesApiReadiness implements HealthCheck {

    static final String NAME = "kubernetes-api";

    private final KubernetesClient client;

    public KubernetesApiReadiness(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            VersionInfo version = client.getKubernetesVersion();
            return HealthCheckResponse.named(NAME).up()
                    .withData("server", client.getMasterUrl().toString())
                    .withData("version", version.getGitVersion())
                    .build();
        } catch (KubernetesClientException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("server", client.getMasterUrl().toString())
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
