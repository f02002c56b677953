package io.gitfleet.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Per-service data directories: created fresh, removed when the service stops. */
public final class TempDirs {

    private TempDirs() {
    }

    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory("gitfleet-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for " + prefix, e);
        }
    }

    /** Best effort: a leftover temp file must not fail the test that used it. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("gitfleet test-support: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
