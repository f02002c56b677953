package io.gitfleet.agent.apply;

import io.gitfleet.agent.render.ObjectKey;
import io.gitfleet.agent.render.Trees;
import io.gitfleet.common.JsonPointer;
import io.gitfleet.common.agent.IgnoreRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An assignment's ignore rules applied to objects. Argo CD's {@code RespectIgnoreDifferences} semantics: once an
 * object exists, the ignored fields of the manifest take their live values, so applying neither changes them nor
 * conflicts over them, yet Gitfleet keeps co-owning them (dropping them from the apply would make the API server
 * delete a field Gitfleet alone owned). A new object is created exactly as Git says.
 */
public record IgnoredFields(List<IgnoreRule> rules) {

    public static final IgnoredFields NONE = new IgnoredFields(List.of());

    public IgnoredFields {
        rules = List.copyOf(rules);
    }

    /** The ignored fields of one object; a rule with an unparseable pointer was refused upstream, so it is skipped. */
    public List<JsonPointer> of(ObjectKey key) {
        List<JsonPointer> pointers = new ArrayList<>();
        for (IgnoreRule rule : rules) {
            if (rule.selects(key.group(), key.kind(), key.namespace(), key.name())) {
                for (String pointer : rule.jsonPointers()) {
                    try {
                        pointers.add(JsonPointer.parse(pointer));
                    } catch (IllegalArgumentException e) {
                        // validated by the control plane; an older one may have let it through
                    }
                }
            }
        }
        return pointers;
    }

    public boolean ignores(ObjectKey key, JsonPointer field) {
        return of(key).stream().anyMatch(ignored -> ignored.contains(field));
    }

    /** The manifest with each ignored field set to its live value (or removed where the live object has none). */
    public Map<String, Object> keepLive(ObjectKey key, Map<String, Object> manifest, Map<String, Object> live) {
        List<JsonPointer> pointers = of(key);
        if (pointers.isEmpty() || live == null) {
            return manifest;
        }
        Map<String, Object> adjusted = Trees.deepCopy(manifest);
        for (JsonPointer pointer : pointers) {
            Object liveValue = at(live, pointer);
            replace(adjusted, pointer, liveValue);
        }
        return adjusted;
    }

    private static Object at(Object node, JsonPointer pointer) {
        Object current = node;
        for (String token : pointer.tokens()) {
            current = step(current, token);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Object step(Object node, String token) {
        if (node instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (node instanceof List<?> list && token.matches("\\d{1,9}")) {
            int index = Integer.parseInt(token);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    /** Sets (or removes, for null) the value at the pointer where the manifest has the parent; never invents one. */
    @SuppressWarnings("unchecked")
    private static void replace(Map<String, Object> manifest, JsonPointer pointer, Object value) {
        List<String> tokens = pointer.tokens();
        Object parent = at(manifest, new JsonPointer(tokens.subList(0, tokens.size() - 1)));
        String last = tokens.getLast();
        if (parent instanceof Map<?, ?> map) {
            if (value == null) {
                ((Map<String, Object>) map).remove(last);
            } else {
                ((Map<String, Object>) map).put(last, value);
            }
        } else if (parent instanceof List<?> list && last.matches("\\d{1,9}")
                && Integer.parseInt(last) < list.size() && value != null) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        }
    }
}
