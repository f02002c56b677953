package io.gitfleet.ui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Where the console does work outside people's requests (reading the overview's tiles, reconnecting live streams):
 * virtual threads, so a slow API call or a wait for a session lock never holds a platform thread or the common
 * fork-join pool other sessions need.
 */
public final class Background {

    public static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private Background() {
    }

    /** Runs {@code task} on a virtual thread after {@code delay}. */
    public static void after(Duration delay, Runnable task) {
        Executor delayed = CompletableFuture.delayedExecutor(Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS,
                THREADS);
        delayed.execute(task);
    }
}
