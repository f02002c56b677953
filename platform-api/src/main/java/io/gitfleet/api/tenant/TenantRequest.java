package io.gitfleet.api.tenant;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.common.DnsLabel;
import io.gitfleet.common.NamespacePattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or replace a tenant. On update the name must stay the same. */
@Schema(name = "TenantRequest", example = """
        {"name":"team-a","displayName":"Team A","namespaces":["team-a","team-a-*"]}""")
public record TenantRequest(String name, String displayName, List<String> namespaces) {

    public List<String> namespacesOrEmpty() {
        return namespaces == null ? List.of() : namespaces;
    }

    void validate() {
        Violations violations = new Violations()
                .check("name", DnsLabel.problem(name))
                .maxLength("displayName", displayName, 200);
        List<String> patterns = namespacesOrEmpty();
        for (int i = 0; i < patterns.size(); i++) {
            violations.check("namespaces[" + i + "]", NamespacePattern.problem(patterns.get(i)));
        }
        violations.check("namespaces", patterns.size() > 100 ? "must list at most 100 entries" : null);
        violations.throwIfAny();
    }
}
