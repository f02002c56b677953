package io.gitfleet.ui.api;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit log, newest first, filtered and paged by the API (tenant roles see their tenants' events only). */
@ApplicationScoped
public class AuditApi {

    /** The filters the console offers; blank ones are left out. */
    public record Filter(String tenant, String actor, String action, String outcome) {
    }

    private final ApiClient api;
    private final CurrentCredentials credentials;

    public AuditApi(ApiClient api, CurrentCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    public Page<AuditEvent> events(Filter filter, int page, int size) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tenant", filter.tenant());
        query.put("actor", filter.actor());
        query.put("action", filter.action());
        query.put("outcome", filter.outcome());
        query.put("page", String.valueOf(page));
        query.put("size", String.valueOf(size));
        return api.get(credentials.require(), "api/v1/audit", query, new TypeReference<>() {
        });
    }
}
