package io.gitfleet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPointerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/spec/replicas|spec,replicas",
            "/metadata/labels/app.kubernetes.io~1name|metadata,labels,app.kubernetes.io/name",
            "/a~0b|a~b",
            "/a~01|a~1"})
    void parsesEscapesAndRoundTrips(String text, String expected) {
        JsonPointer pointer = JsonPointer.parse(text);
        assertThat(pointer.tokens()).containsExactlyElementsOf(List.of(expected.split(",")));
        assertThat(pointer.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "spec/replicas", "/a~2", "/a~"})
    void refusesWhatIsNotAPointer(String text) {
        assertThatThrownBy(() -> JsonPointer.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON pointer");
    }

    @Test
    void containsItselfAndWhatLiesBelowOnly() {
        JsonPointer spec = JsonPointer.parse("/spec");
        assertThat(spec.contains(JsonPointer.parse("/spec/replicas"))).isTrue();
        assertThat(spec.contains(spec)).isTrue();
        assertThat(spec.contains(JsonPointer.parse("/specification"))).isFalse();
        assertThat(JsonPointer.parse("/spec/replicas").contains(spec)).isFalse();
        assertThat(JsonPointer.parse("/data/").tokens()).containsExactly("data", "");
        assertThat(JsonPointer.ROOT.child("data").child("a/b").toString()).isEqualTo("/data/a~1b");
    }
}
