package io.gitfleet.testsupport.quarkus;

import io.gitfleet.testsupport.TestService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Adapts a real service to a Quarkus test resource: started before the application, its connection settings
 * handed to Quarkus as configuration, stopped after the tests. Fields annotated {@link InjectService} whose type
 * fits receive the service.
 */
public abstract class ServiceTestResource<S extends TestService> implements QuarkusTestResourceLifecycleManager {

    private final Class<S> type;
    private final Supplier<S> starter;
    private final Function<S, Map<String, String>> config;
    private S service;

    protected ServiceTestResource(Class<S> type, Supplier<S> starter, Function<S, Map<String, String>> config) {
        this.type = type;
        this.starter = starter;
        this.config = config;
    }

    @Override
    public Map<String, String> start() {
        service = starter.get();
        return config.apply(service);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(service, new TestInjector.AnnotatedAndMatchesType(InjectService.class, type));
    }

    @Override
    public void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }
}
