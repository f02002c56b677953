package io.gitfleet.ui.api;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The fleet as the signed-in person may see and change it: clusters, their status, registration. */
@ApplicationScoped
public class FleetApi {

    private final ApiClient api;
    private final CurrentCredentials credentials;

    public FleetApi(ApiClient api, CurrentCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    /** With credentials captured on the person's request: summaries are read off the UI's thread. */
    public FleetSummary summary(ApiCredentials as, String selector, String tenant) {
        Map<String, String> query = query("selector", selector);
        query.put("tenant", tenant);
        return api.get(as, "api/v1/status/summary", query, new TypeReference<>() {
        });
    }

    /**
     * One page of the overview; {@code sort} as the API takes it ({@code name}, {@code -lastHeartbeatAt}); {@code
     * tenant} narrows the counts to that tenant's assignments.
     */
    public Page<ClusterRow> rows(String selector, String states, String tenant, String sort, int page, int size) {
        Map<String, String> query = query("selector", selector);
        query.put("state", states);
        query.put("tenant", tenant);
        query.put("sort", sort);
        query.put("page", String.valueOf(page));
        query.put("size", String.valueOf(size));
        return api.get(credentials.require(), "api/v1/status/clusters", query, new TypeReference<>() {
        });
    }

    /** Clusters a selector (kubectl syntax) matches in some states, e.g. an assignment's targets before saving. */
    public Page<Cluster> clusters(String selector, String states, int page, int size) {
        Map<String, String> query = query("selector", selector);
        query.put("state", states);
        query.put("sort", "name");
        query.put("page", String.valueOf(page));
        query.put("size", String.valueOf(size));
        return api.get(credentials.require(), "api/v1/clusters", query, new TypeReference<>() {
        });
    }

    public Cluster cluster(UUID id) {
        return api.get(credentials.require(), "api/v1/clusters/" + id, Map.of(), new TypeReference<>() {
        });
    }

    public ClusterStatus status(UUID id) {
        return api.get(credentials.require(), "api/v1/status/clusters/" + id, Map.of(), new TypeReference<>() {
        });
    }

    public Page<StatusChange> history(UUID id, int size) {
        return api.get(credentials.require(), "api/v1/status/clusters/" + id + "/history",
                query("size", String.valueOf(size)), new TypeReference<>() {
                });
    }

    public Cluster relabel(UUID id, Map<String, String> labels) {
        return api.send(credentials.require(), "PUT", "api/v1/clusters/" + id + "/labels", Map.of("labels", labels),
                new TypeReference<>() {
                });
    }

    public Cluster revoke(UUID id) {
        return api.send(credentials.require(), "POST", "api/v1/clusters/" + id + "/revoke", null,
                new TypeReference<>() {
                });
    }

    public void delete(UUID id) {
        api.send(credentials.require(), "DELETE", "api/v1/clusters/" + id, null, null);
    }

    public RegistrationToken issueToken(RegistrationToken.Request request) {
        return api.send(credentials.require(), "POST", "api/v1/registration-tokens", request,
                new TypeReference<>() {
                });
    }

    static Map<String, String> query(String name, String value) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(name, value);
        return query;
    }
}
