package io.gitfleet.api.assignment;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.common.JsonPointer;
import io.gitfleet.common.agent.IgnoreRule;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sync policy; absent fields take the defaults prune=true, selfHeal=false, suspend=false, force=false,
 * allowEmpty=false, no ignore rules.
 */
@Schema(name = "SyncPolicy", example = """
        {"prune":true,"selfHeal":true,"suspend":false,"force":false,"allowEmpty":false,
         "ignore":[{"group":"apps","kind":"Deployment","name":"web","jsonPointers":["/spec/replicas"]}]}""")
public record PolicyRequest(Boolean prune, Boolean selfHeal, Boolean suspend, Boolean force, Boolean allowEmpty,
        List<IgnoreRule> ignore) {

    private static final int MAX_RULES = 50;
    private static final int MAX_POINTERS = 20;

    void validate(Violations violations) {
        if (ignore == null) {
            return;
        }
        violations.check("policy.ignore", ignore.size() > MAX_RULES ? "must have at most " + MAX_RULES + " rules"
                : null);
        for (int i = 0; i < ignore.size(); i++) {
            String at = "policy.ignore[" + i + "]";
            IgnoreRule rule = ignore.get(i);
            if (rule == null) {
                violations.check(at, "must not be null");
                continue;
            }
            List<String> pointers = rule.jsonPointers();
            violations.check(at + ".jsonPointers", pointers.isEmpty() ? "must name at least one field"
                    : pointers.size() > MAX_POINTERS ? "must have at most " + MAX_POINTERS + " pointers" : null);
            for (int j = 0; j < pointers.size(); j++) {
                violations.check(at + ".jsonPointers[" + j + "]", pointerProblem(pointers.get(j)));
            }
            violations.maxLength(at + ".group", rule.group(), 253).maxLength(at + ".kind", rule.kind(), 63)
                    .maxLength(at + ".namespace", rule.namespace(), 63).maxLength(at + ".name", rule.name(), 253);
        }
    }

    private static String pointerProblem(String pointer) {
        if (pointer == null) {
            return "must not be null";
        }
        if (pointer.length() > 512) {
            return "must be at most 512 characters";
        }
        try {
            JsonPointer parsed = JsonPointer.parse(pointer);
            // Ignoring the whole object, or its identity, would leave nothing for Git to manage.
            String first = parsed.tokens().getFirst();
            return parsed.tokens().size() == 1 && List.of("", "apiVersion", "kind", "metadata").contains(first)
                    ? "must select a field inside the object, not '" + pointer + "'" : null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    boolean pruneOrDefault() {
        return prune == null || prune;
    }

    boolean selfHealOrDefault() {
        return selfHeal != null && selfHeal;
    }

    boolean suspendOrDefault() {
        return suspend != null && suspend;
    }

    boolean forceOrDefault() {
        return force != null && force;
    }

    boolean allowEmptyOrDefault() {
        return allowEmpty != null && allowEmpty;
    }

    List<IgnoreRule> ignoreOrDefault() {
        return ignore == null ? List.of() : ignore;
    }
}
