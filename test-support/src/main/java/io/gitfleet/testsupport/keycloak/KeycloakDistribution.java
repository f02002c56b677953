package io.gitfleet.testsupport.keycloak;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.process.GitfleetCache;
import io.gitfleet.testsupport.process.TempDirs;
import io.gitfleet.testsupport.process.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution, unpacked and {@code kc.sh build}-optimized once per version into the Gitfleet
 * cache. The zip comes from Maven Central: test-support's build copies it to {@code <cache>/dist}. A file lock
 * keeps parallel test JVMs from building it twice.
 */
final class KeycloakDistribution {

    private static final String MARKER = ".gitfleet-built";

    private KeycloakDistribution() {
    }

    /** The home of a built distribution, building it first if needed. */
    static Path ensureBuilt() {
        String version = Versions.keycloak();
        Path cache = GitfleetCache.root();
        Path home = cache.resolve("keycloak-" + version);
        if (Files.exists(home.resolve(MARKER))) {
            return home;
        }
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve("keycloak-" + version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!Files.exists(home.resolve(MARKER))) {
                    build(zip(cache, version), home);
                }
            }
            return home;
        } catch (IOException e) {
            throw new ServiceStartException("cannot prepare Keycloak " + version + " in " + home + ": " + e, e);
        }
    }

    private static Path zip(Path cache, String version) {
        String name = "keycloak-quarkus-dist-" + version + ".zip";
        List<Path> candidates = List.of(cache.resolve("dist").resolve(name),
                Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                        "keycloak-quarkus-dist", version, name));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new ServiceStartException("Keycloak distribution not found at " + candidates
                        + ": build test-support once (./mvnw -pl test-support generate-resources) to fetch it"));
    }

    private static void build(Path zip, Path home) throws IOException {
        Path staging = Files.createTempDirectory(home.getParent(), "keycloak-staging-");
        Path unpacked = unzip(zip, staging);
        Path log = staging.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(unpacked.resolve("bin/kc.sh").toString(), "build",
                "--health-enabled=true", "--db=dev-file")
                .directory(unpacked.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new ServiceStartException("kc.sh build failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while building Keycloak", e);
        }
        Files.writeString(unpacked.resolve(MARKER), "built from " + zip + "\n");
        if (Files.exists(home)) {
            TempDirs.deleteQuietly(home);
        }
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        TempDirs.deleteQuietly(staging);
    }

    /** Unpacks the zip and returns its single top-level directory. Shell scripts keep their execute bit. */
    private static Path unzip(Path zip, Path target) throws IOException {
        Path top = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes target: " + entry.getName());
                }
                if (top == null) {
                    top = target.resolve(target.relativize(out).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().endsWith(".sh")) {
                    out.toFile().setExecutable(true);
                }
            }
        }
        if (top == null) {
            throw new UncheckedIOException(new IOException("empty Keycloak zip " + zip));
        }
        return top;
    }

    /** Environment every kc.sh call gets: the JDK running the tests, and a heap fit for a 2-core CI box. */
    static Map<String, String> environment() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "JAVA_OPTS_APPEND", "-Dliquibase.analytics.enabled=false");
    }
}
