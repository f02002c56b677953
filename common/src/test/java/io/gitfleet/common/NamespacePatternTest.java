package io.gitfleet.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamespacePatternTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "team-a, team-a, true",
            "team-a, team-a-web, false",
            "team-a-*, team-a-web, true",
            "team-a-*, team-a-, true",
            "team-a-*, team-b-web, false",
            "*, kube-system, true",
            "*-prod, web-prod, true",
            "a.b, axb, false"})
    void globsMatchNamespaces(String pattern, String namespace, boolean expected) {
        assertThat(NamespacePattern.matches(pattern, namespace)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"'', must not be empty", "Team, must be a namespace name", "a.*, must be a namespace name",
            "-a, must be a namespace name", "(a|b), must be a namespace name"})
    void invalidPatternsSayWhy(String pattern, String reason) {
        assertThat(NamespacePattern.problem(pattern)).startsWith(reason);
        assertThat(NamespacePattern.problem("team-*")).isNull();
        assertThat(NamespacePattern.anyMatches(List.of("a", "b-*"), "b-1")).isTrue();
    }
}
