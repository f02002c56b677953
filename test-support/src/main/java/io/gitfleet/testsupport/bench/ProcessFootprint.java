package io.gitfleet.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Resident memory of the processes a service started, found by a marker in their command line (their data dir). */
final class ProcessFootprint {

    private ProcessFootprint() {
    }

    static long rssKiB(String commandLineMarker) {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(commandLineMarker)).orElse(false))
                .forEach(p -> {
                    pids.add(p.pid());
                    p.descendants().forEach(d -> pids.add(d.pid()));
                });
        return pids.stream().mapToLong(ProcessFootprint::rssKiB).sum();
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between listing and reading
        }
        return 0;
    }
}
