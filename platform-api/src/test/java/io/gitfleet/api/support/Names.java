package io.gitfleet.api.support;

import java.util.concurrent.ThreadLocalRandom;

/** Unique DNS-label names, so tests sharing one database never collide. */
public final class Names {

    private Names() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }
}
