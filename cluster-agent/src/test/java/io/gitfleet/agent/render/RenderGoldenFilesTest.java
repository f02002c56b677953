package io.gitfleet.agent.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One directory per case under {@code src/test/resources/render}: {@code input/} is the checkout,
 * {@code request.yaml} (optional) the assignment, and exactly one of {@code expected.yaml} (the rendered objects in
 * key order) or {@code expected-problems.txt} (one {@code file:line: message} per line). Any other file in a case
 * is an unused fixture and fails the case.
 */
class RenderGoldenFilesTest {

    private static final Path CASES = Path.of("src/test/resources/render");
    private static final Set<String> KNOWN = Set.of("input", "request.yaml", "expected.yaml", "expected-problems.txt");

    /** Scopes the cluster would report through discovery for kinds the renderer does not know itself. */
    private static final ResourceScopes CLUSTER = (apiVersion, kind) -> Optional.empty();

    @TestFactory
    Stream<DynamicTest> everyCaseRendersAsExpected() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(CASES)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("golden cases").isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        List<String> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(files).as("unused fixtures in %s", dir).allMatch(KNOWN::contains);
        boolean objects = files.contains("expected.yaml");
        boolean problems = files.contains("expected-problems.txt");
        assertThat(objects ^ problems).as("%s needs exactly one of expected.yaml, expected-problems.txt", dir)
                .isTrue();

        RenderResult result = new ManifestRenderer(CLUSTER).render(request(dir));

        if (objects) {
            assertThat(result.problems()).as("problems").isEmpty();
            List<Object> expected = new ArrayList<>();
            yaml().loadAll(Files.readString(dir.resolve("expected.yaml"))).forEach(expected::add);
            assertThat(result.objects().stream().<Object>map(RenderedObject::body).toList())
                    .isEqualTo(expected);
        } else {
            List<String> expected = Files.readAllLines(dir.resolve("expected-problems.txt")).stream()
                    .filter(line -> !line.isBlank()).toList();
            assertThat(result.objects()).as("objects of a failed render").isEmpty();
            assertThat(result.problems().stream().map(RenderProblem::toString).toList())
                    .containsExactlyElementsOf(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static RenderRequest request(Path dir) throws IOException {
        Map<String, Object> spec = Files.exists(dir.resolve("request.yaml"))
                ? (Map<String, Object>) yaml().load(Files.readString(dir.resolve("request.yaml"))) : Map.of();
        return new RenderRequest(dir.resolve("input"),
                (String) spec.getOrDefault("path", "."),
                (String) spec.getOrDefault("namespace", "apps"),
                (Map<String, String>) spec.getOrDefault("substitutions", Map.of()),
                (String) spec.getOrDefault("clusterName", "edge-1"),
                (Map<String, String>) spec.getOrDefault("clusterLabels", Map.of()),
                (List<String>) spec.getOrDefault("tenantNamespaces", List.of("apps", "apps-*")));
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
