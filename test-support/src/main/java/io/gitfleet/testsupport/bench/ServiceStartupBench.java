package io.gitfleet.testsupport.bench;

import io.gitfleet.testsupport.TestService;
import io.gitfleet.testsupport.git.GitServer;
import io.gitfleet.testsupport.kafka.KafkaService;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.kube.KubeApiService;
import io.gitfleet.testsupport.postgres.PostgresService;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Start time and memory of each real test service on this machine. Run with {@code tools/bench-services.sh}
 * (optionally the number of rounds). External processes are measured by resident set size of the whole process
 * tree; the in-process broker and Git server by the test JVM's heap growth after a GC.
 */
public final class ServiceStartupBench {

    private ServiceStartupBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Subject> subjects = List.of(
                new Subject("postgresql (embedded, zonky)", PostgresService::start, "gitfleet-postgres-"),
                new Subject("kafka (KRaft, in-process)", KafkaService::start, null),
                new Subject("kube-apiserver + etcd", KubeApiService::start, "gitfleet-kube-"),
                new Subject("keycloak", KeycloakService::start, "gitfleet-keycloak-"),
                new Subject("git (smart HTTP, in-process)", GitServer::start, null));
        System.out.printf("%-30s %10s %10s %10s %12s%n", "service", "start min", "start med", "start max",
                "memory");
        for (Subject subject : subjects) {
            List<Long> millis = new ArrayList<>();
            long memoryKiB = 0;
            for (int i = 0; i < rounds; i++) {
                long heapBefore = usedHeapAfterGc();
                long start = System.nanoTime();
                try (TestService service = subject.starter().get()) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    memoryKiB = subject.processMarker() == null
                            ? (usedHeapAfterGc() - heapBefore) / 1024
                            : ProcessFootprint.rssKiB(subject.processMarker());
                }
            }
            millis.sort(Comparator.naturalOrder());
            System.out.printf("%-30s %8d ms %8d ms %8d ms %9d MiB %s%n", subject.name(), millis.getFirst(),
                    millis.get(millis.size() / 2), millis.getLast(), memoryKiB / 1024,
                    subject.processMarker() == null ? "(heap)" : "(RSS)");
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private record Subject(String name, Supplier<? extends TestService> starter, String processMarker) {
    }
}
