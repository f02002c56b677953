package io.gitfleet.common.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: each row is a selector, a label set, and whether Kubernetes would select it. */
class LabelSelectorTest {

    private static final Map<String, String> PROD_EU =
            Map.of("env", "prod", "region", "eu", "tier", "gold");
    private static final Map<String, String> DEV_US_CANARY =
            Map.of("env", "dev", "region", "us", "canary", "true");
    private static final Map<String, String> NONE = Map.of();

    static Stream<Arguments> stringSelectors() {
        return Stream.of(
                Arguments.of("", PROD_EU, true),
                Arguments.of("", NONE, true),
                Arguments.of("env=prod", PROD_EU, true),
                Arguments.of("env==prod", PROD_EU, true),
                Arguments.of("env=prod", DEV_US_CANARY, false),
                Arguments.of("env=prod", NONE, false),
                Arguments.of("env!=prod", DEV_US_CANARY, true),
                Arguments.of("env!=prod", NONE, true),
                Arguments.of("env!=prod", PROD_EU, false),
                Arguments.of("region in (eu,us)", PROD_EU, true),
                Arguments.of("region in (eu, us)", DEV_US_CANARY, true),
                Arguments.of("region in (ap)", PROD_EU, false),
                Arguments.of("region in (eu)", NONE, false),
                Arguments.of("region notin (eu)", PROD_EU, false),
                Arguments.of("region notin (eu)", DEV_US_CANARY, true),
                Arguments.of("region notin (eu)", NONE, true),
                Arguments.of("canary", DEV_US_CANARY, true),
                Arguments.of("canary", PROD_EU, false),
                Arguments.of("!canary", PROD_EU, true),
                Arguments.of("!canary", DEV_US_CANARY, false),
                Arguments.of("env=prod,region in (eu,us),!canary", PROD_EU, true),
                Arguments.of("env=prod,region in (eu,us),!canary", DEV_US_CANARY, false),
                Arguments.of(" env = prod , tier ", PROD_EU, true),
                Arguments.of("env=prod,env=dev", PROD_EU, false),
                Arguments.of("env=", PROD_EU, false),
                Arguments.of("env=", Map.of("env", ""), true),
                Arguments.of("example.com/team=a", Map.of("example.com/team", "a"), true));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" on {1} -> {2}")
    @MethodSource("stringSelectors")
    void stringFormMatchesAsKubernetesDoes(String selector, Map<String, String> labels, boolean expected) {
        LabelSelector parsed = LabelSelector.parse(selector);

        assertThat(parsed.matches(labels)).isEqualTo(expected);
        assertThat(LabelSelector.parse(parsed.toString()).matches(labels))
                .as("round trip through %s", parsed)
                .isEqualTo(expected);
    }

    static Stream<Arguments> structuredSelectors() {
        return Stream.of(
                Arguments.of(new LabelSelector(Map.of("env", "prod"), List.of()), PROD_EU, true),
                Arguments.of(new LabelSelector(Map.of("env", "prod", "region", "us"), List.of()), PROD_EU, false),
                Arguments.of(new LabelSelector(null, null), NONE, true),
                Arguments.of(new LabelSelector(Map.of(), List.of(Requirement.of("tier", Operator.Exists))),
                        PROD_EU, true),
                Arguments.of(new LabelSelector(Map.of(), List.of(Requirement.of("tier", Operator.DoesNotExist))),
                        PROD_EU, false),
                Arguments.of(new LabelSelector(Map.of("env", "dev"),
                        List.of(Requirement.of("region", Operator.NotIn, "eu", "ap"))), DEV_US_CANARY, true),
                Arguments.of(new LabelSelector(Map.of("env", "dev"),
                        List.of(Requirement.of("region", Operator.In, "eu", "ap"))), DEV_US_CANARY, false));
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @MethodSource("structuredSelectors")
    void matchLabelsAndExpressionsAllMustHold(LabelSelector selector, Map<String, String> labels, boolean expected) {
        assertThat(selector.validated().matches(labels)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidStrings() {
        return Stream.of(
                Arguments.of("env in eu", "expected '(' at position 7"),
                Arguments.of("env in (eu", "expected ',' or ')' at position 10"),
                Arguments.of("env=prod,", "expected a label key at position 9"),
                Arguments.of("env ~ prod", "expected '=', '==', '!=', 'in' or 'notin' after 'env'"),
                Arguments.of("=prod", "expected a label key at position 0"),
                Arguments.of("-env=prod", "label key '-env' is invalid"),
                Arguments.of("env=-prod", "label value '-prod' is invalid"),
                Arguments.of("env in ()", "operator In on 'env' needs at least one value"),
                Arguments.of("a".repeat(64) + "=x", "is invalid"),
                Arguments.of("Bad_Prefix/x=y", "invalid prefix"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalidStrings")
    void invalidStringsAreRejectedWithTheReason(String selector, String reason) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining(reason);
    }

    static Stream<Arguments> invalidStructures() {
        return Stream.of(
                Arguments.of(new LabelSelector(Map.of(), List.of(Requirement.of("env", Operator.In))),
                        "operator In on 'env' needs at least one value"),
                Arguments.of(new LabelSelector(Map.of(), List.of(Requirement.of("env", Operator.Exists, "x"))),
                        "operator Exists on 'env' takes no values"),
                Arguments.of(new LabelSelector(Map.of(), List.of(new Requirement("env", null, List.of()))),
                        "must be one of In, NotIn, Exists, DoesNotExist"),
                Arguments.of(new LabelSelector(Map.of("env", "a b"), List.of()), "label value 'a b' is invalid"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidStructures")
    void invalidStructuresNameTheProblem(LabelSelector selector, String reason) {
        assertThat(selector.problem()).contains(reason);
        assertThatThrownBy(selector::validated).hasMessageContaining(reason);
    }
}
