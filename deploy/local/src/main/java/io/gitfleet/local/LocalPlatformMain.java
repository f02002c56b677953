package io.gitfleet.local;

import java.util.concurrent.CountDownLatch;

/** {@code ./gitfleet run}: starts the local platform, prints how to reach it, stops it on Ctrl-C. */
public final class LocalPlatformMain {

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("gitfleet: starting embedded PostgreSQL and Kafka, then platform-api and platform-ui ...");
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(LocalPlatformConfig.fromSystemProperties());
        } catch (RuntimeException e) {
            System.err.println("gitfleet: local run failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "gitfleet-local-stop"));
        System.out.println(platform.banner());
        stopped.await();
    }
}
