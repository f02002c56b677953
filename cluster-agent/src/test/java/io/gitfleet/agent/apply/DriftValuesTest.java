package io.gitfleet.agent.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.common.JsonPointer;
import io.gitfleet.common.agent.DriftedField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftValuesTest {

    private static final ObjectKey DEPLOYMENT = new ObjectKey("apps", "Deployment", "web", "web");
    private static final ObjectKey SECRET = new ObjectKey("", "Secret", "web", "db");

    @Test
    void eachSideIsCompactJsonAndAbsentIsNull() {
        List<DriftedField> fields = DriftValues.describe(DEPLOYMENT, FieldDiff.compare(
                Map.of("spec", Map.of("replicas", 2, "paused", false, "template", Map.of("x", "y"))),
                Map.of("spec", Map.of("replicas", 2, "paused", false, "template", Map.of("x", "y"))),
                Map.of("spec", Map.of("replicas", 5, "template", Map.of("x", List.of("a", "b"))))));

        assertThat(fields).containsExactlyInAnyOrder(
                new DriftedField("/spec/replicas", "2", "5"),
                new DriftedField("/spec/paused", "false", null),
                new DriftedField("/spec/template/x", "\"y\"", "[\"a\",\"b\"]"));
    }

    @Test
    void secretDataNeverLeavesTheClusterButItsMetadataDoes() {
        List<DriftedField> fields = DriftValues.describe(SECRET, List.of(
                new FieldDiff.Difference(JsonPointer.parse("/data/password"), "c2VjcmV0", "b3RoZXI="),
                new FieldDiff.Difference(JsonPointer.parse("/metadata/labels/team"), "a", "b")));

        assertThat(fields).containsExactly(
                new DriftedField("/data/password", DriftedField.HIDDEN, DriftedField.HIDDEN),
                new DriftedField("/metadata/labels/team", "\"a\"", "\"b\""));
        assertThat(fields.toString()).doesNotContain("c2VjcmV0", "b3RoZXI=");
    }

    @Test
    void secretDataIsHiddenWhateverShapeTheDifferenceHas() {
        List<DriftedField> fields = DriftValues.describe(SECRET, FieldDiff.compare(
                Map.of("stringData", Map.of("password", "from-git"), "data", Map.of("token", "Z2l0")),
                Map.of("stringData", Map.of("password", "from-git"), "data", Map.of("token", "Z2l0")),
                Map.of("metadata", Map.of("name", "db"))));

        assertThat(fields).extracting(DriftedField::git, DriftedField::live).containsOnly(
                org.assertj.core.groups.Tuple.tuple(DriftedField.HIDDEN, DriftedField.HIDDEN));
        assertThat(fields).extracting(DriftedField::path).containsExactlyInAnyOrder("/stringData/password",
                "/data/token");
        assertThat(fields.toString()).doesNotContain("from-git", "Z2l0");
    }

    @Test
    void anObjectWithALotOfDriftSendsOnlyThePathsOfItsLaterFields() {
        List<FieldDiff.Difference> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new FieldDiff.Difference(JsonPointer.parse("/data/k" + i), "v".repeat(900), "w"));
        }
        List<DriftedField> fields = DriftValues.describe(DEPLOYMENT, many);

        assertThat(fields).hasSize(20);
        assertThat(fields.getFirst().git()).startsWith("\"vvv");
        assertThat(fields.getLast().git()).isEqualTo(DriftedField.OMITTED);
        assertThat(fields.stream().mapToInt(f -> f.git().length() + f.live().length()).sum())
                .isLessThanOrEqualTo(DriftValues.MAX_OBJECT_CHARS + 20 * 2 * DriftedField.OMITTED.length());
    }

    @Test
    void longValuesAreCut() {
        String huge = "x".repeat(5_000);
        DriftedField field = DriftValues.describe(DEPLOYMENT, List.of(new FieldDiff.Difference(
                JsonPointer.parse("/data/big"), huge, "small"))).getFirst();

        assertThat(field.git()).hasSize(DriftValues.MAX_CHARS).endsWith("…");
        assertThat(field.live()).isEqualTo("\"small\"");
    }
}
