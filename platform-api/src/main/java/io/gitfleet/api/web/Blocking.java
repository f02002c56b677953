package io.gitfleet.api.web;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs blocking work (JGit, PBKDF2) on a worker thread and resumes on the caller's Vert.x context, where Hibernate
 * Reactive sessions live. Plain {@code emitOn(workerPool)} would leave the rest of the pipeline on the worker.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Uni<T> call(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            if (context == null) {
                throw new IllegalStateException("Blocking.call needs a Vert.x context to resume on");
            }
            return Uni.createFrom().completionStage(context.executeBlocking(work, false).toCompletionStage());
        });
    }
}
