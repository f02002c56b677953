package io.gitfleet.testsupport.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitfleet.testsupport.ServiceStartException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot start must say why: its exit code and the end of its own log. */
class WaitsTest {

    @TempDir
    Path dir;

    @Test
    void aDyingProcessEndsTheWaitWithItsLog() {
        try (ManagedProcess process = ManagedProcess.start("doomed",
                List.of("sh", "-c", "echo 'listen tcp 127.0.0.1:1: bind: permission denied'; exit 3"),
                dir, Map.of(), dir.resolve("doomed.log"))) {
            assertThatThrownBy(() -> Waits.until("doomed to answer", Duration.ofMinutes(1), process, () -> false))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("doomed exited with code 3 while waiting for doomed to answer")
                    .hasMessageContaining("bind: permission denied");
        }
    }

    @Test
    void aTimeoutReportsTheLastProbeError() {
        assertThatThrownBy(() -> Waits.until("a probe that never succeeds", Duration.ofMillis(300), null, () -> {
            throw new IllegalStateException("connection refused");
        }))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("timed out after PT0.3S waiting for a probe that never succeeds")
                .hasMessageContaining("connection refused");
    }
}
