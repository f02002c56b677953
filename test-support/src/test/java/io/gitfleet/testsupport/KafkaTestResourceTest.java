package io.gitfleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.testsupport.kafka.KafkaService;
import io.gitfleet.testsupport.postgres.PostgresService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.gitfleet.testsupport.quarkus.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The Quarkus test-resource adapter, driven the way Quarkus drives it: start() hands over configuration,
 * inject() fills {@link InjectService} fields of the matching type only, stop() really stops the service.
 */
class KafkaTestResourceTest {

    @InjectService
    KafkaService kafka;

    @InjectService
    PostgresService notAKafkaField;

    @Test
    void configurationInjectionAndStop() throws Exception {
        KafkaTestResource resource = new KafkaTestResource();
        Map<String, String> config = resource.start();
        String bootstrap = config.get("kafka.bootstrap.servers");
        try {
            resource.inject(new FieldInjector(this));
            assertThat(kafka).isNotNull();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(notAKafkaField).isNull();
            assertThat(clusterId(bootstrap)).isNotBlank();
        } finally {
            resource.stop();
        }
        assertThat(reachable(bootstrap)).as("broker stopped").isFalse();
    }

    private static String clusterId(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static boolean reachable(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000"))) {
            admin.describeCluster().clusterId().get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What Quarkus' own injector does: set every field of the test instance the predicate accepts. */
    private record FieldInjector(Object target) implements TestInjector {

        @Override
        public void injectIntoFields(Object fieldValue, Predicate<Field> predicate) {
            for (Field field : target.getClass().getDeclaredFields()) {
                if (predicate.test(field)) {
                    try {
                        field.setAccessible(true);
                        field.set(target, fieldValue);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
