package io.gitfleet.testsupport.quarkus;

import io.gitfleet.testsupport.kube.KubeApiService;

/** {@code @QuarkusTestResource(KubeApiTestResource.class)}: a real kube-apiserver as the application's cluster. */
public class KubeApiTestResource extends ServiceTestResource<KubeApiService> {

    public KubeApiTestResource() {
        super(KubeApiService.class, KubeApiService::start, KubeApiService::quarkusConfig);
    }
}
