package io.gitfleet.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.common.agent.Health;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Each fixture under {@code src/test/resources/health} is a live object annotated with the health (and message)
 * it must get; a fixture without the annotation is unused and fails.
 */
class HealthRulesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/health");
    private static final String EXPECTED_HEALTH = "test.gitfleet.io/expected-health";
    private static final String EXPECTED_MESSAGE = "test.gitfleet.io/expected-message";

    private final HealthRules rules = new HealthRules();

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsItsExpectedHealth() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThan(20);
        return fixtures.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Map<String, Object> live = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) ((Map<String, Object>) live.get("metadata"))
                    .get("annotations");
            assertThat(annotations).as("unused fixture %s: no expectation", file).containsKey(EXPECTED_HEALTH);

            HealthAssessment assessment = rules.assess(live);

            assertThat(assessment.health()).isEqualTo(Health.valueOf(annotations.get(EXPECTED_HEALTH)));
            assertThat(assessment.message()).isEqualTo(annotations.get(EXPECTED_MESSAGE));
        }));
    }

    @Test
    void theWorstHealthWins() {
        assertThat(Health.Healthy.worst(Health.Progressing)).isEqualTo(Health.Progressing);
        assertThat(Health.Degraded.worst(Health.Progressing)).isEqualTo(Health.Degraded);
        assertThat(Health.Unknown.worst(Health.Healthy)).isEqualTo(Health.Unknown);
    }
}
