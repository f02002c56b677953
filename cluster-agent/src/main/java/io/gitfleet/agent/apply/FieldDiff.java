package io.gitfleet.agent.apply;

import io.gitfleet.common.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields a manifest sets whose value differs between two versions of its object. Walking the manifest, not
 * the objects, is what keeps server defaults, status and other managers' extra fields out of drift. Lists compare
 * whole (their merge keys differ per type; a whole-list path is still precise enough to act on).
 */
public final class FieldDiff {

    private FieldDiff() {
    }

    /** One differing field and its value on each side ({@code null}: absent there). */
    public record Difference(JsonPointer path, Object wanted, Object live) {
    }

    public static List<JsonPointer> differences(Map<String, Object> manifest, Map<String, Object> wanted,
            Map<String, Object> live) {
        return compare(manifest, wanted, live).stream().map(Difference::path).toList();
    }

    public static List<Difference> compare(Map<String, Object> manifest, Map<String, Object> wanted,
            Map<String, Object> live) {
        List<Difference> fields = new ArrayList<>();
        collect(JsonPointer.ROOT, manifest, wanted, live, fields);
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static void collect(JsonPointer path, Map<String, Object> manifest, Map<String, Object> wanted,
            Map<String, Object> live, List<Difference> fields) {
        for (Map.Entry<String, Object> field : manifest.entrySet()) {
            JsonPointer at = path.child(field.getKey());
            Object wantedValue = wanted == null ? null : wanted.get(field.getKey());
            Object liveValue = live == null ? null : live.get(field.getKey());
            if (field.getValue() instanceof Map<?, ?> nested && wantedValue instanceof Map<?, ?> w) {
                collect(at, (Map<String, Object>) nested, (Map<String, Object>) w,
                        liveValue instanceof Map<?, ?> l ? (Map<String, Object>) l : null, fields);
            } else if (!Objects.equals(wantedValue, liveValue)) {
                fields.add(new Difference(at, wantedValue, liveValue));
            }
        }
    }
}
