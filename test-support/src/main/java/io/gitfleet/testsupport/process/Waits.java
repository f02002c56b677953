package io.gitfleet.testsupport.process;

import io.gitfleet.testsupport.ServiceStartException;
import java.time.Duration;
import java.util.function.Supplier;

/** Polls a readiness probe until it answers, the process dies, or the deadline passes. */
public final class Waits {

    private Waits() {
    }

    /**
     * @param what     the condition, for the error message
     * @param process  the process whose death ends the wait early (may be null)
     * @param probe    true once ready; exceptions count as "not yet" and the last one is reported
     */
    public static void until(String what, Duration timeout, ManagedProcess process, Supplier<Boolean> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new ServiceStartException(process.name() + " exited with code " + process.exitCode()
                        + " while waiting for " + what + "\n" + process.logTail());
            }
            try {
                if (Boolean.TRUE.equals(probe.get())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException("interrupted while waiting for " + what, e);
            }
        }
        String log = process == null ? "" : "\n" + process.logTail();
        throw new ServiceStartException("timed out after " + timeout + " waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")") + log, last);
    }
}
