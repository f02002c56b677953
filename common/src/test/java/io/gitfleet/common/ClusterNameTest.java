package io.gitfleet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "prod-eu-1", "0cluster", "x9", "a-b-c-d"})
    void acceptsDns1123Labels(String name) {
        assertThat(new ClusterName(name).value()).isEqualTo(name);
        assertThat(ClusterName.problem(name)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|must not be empty",
        "Prod|lowercase",
        "-prod|start and end",
        "prod-|start and end",
        "prod_eu|lowercase",
        "prod.eu|lowercase",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|at most 63"})
    void rejectsOthersNamingTheRule(String name, String rule) {
        assertThat(ClusterName.problem(name)).contains(rule);
        assertThatThrownBy(() -> new ClusterName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rule);
    }

    @ParameterizedTest
    @ValueSource(ints = {63})
    void acceptsTheMaximumLength(int length) {
        assertThat(ClusterName.problem("a".repeat(length))).isNull();
    }
}
