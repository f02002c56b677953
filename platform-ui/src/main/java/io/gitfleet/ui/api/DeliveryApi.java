package io.gitfleet.ui.api;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What tenants deliver: sources, assignments, their actions and status, as the signed-in person may. */
@ApplicationScoped
public class DeliveryApi {

    private static final TypeReference<Assignment> ASSIGNMENT = new TypeReference<>() {
    };
    private static final TypeReference<Source> SOURCE = new TypeReference<>() {
    };

    private final ApiClient api;
    private final CurrentCredentials credentials;

    public DeliveryApi(ApiClient api, CurrentCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    public List<Source> sources(String tenant) {
        return api.get(credentials.require(), "api/v1/sources", FleetApi.query("tenant", tenant),
                new TypeReference<>() {
                });
    }

    public Source createSource(Source.Request request) {
        return api.send(credentials.require(), "POST", "api/v1/sources", request, SOURCE);
    }

    public Source updateSource(UUID id, Source.Request request) {
        return api.send(credentials.require(), "PUT", "api/v1/sources/" + id, request, SOURCE);
    }

    public Source refreshSource(UUID id) {
        return api.send(credentials.require(), "POST", "api/v1/sources/" + id + "/refresh", null, SOURCE);
    }

    public void deleteSource(UUID id) {
        api.send(credentials.require(), "DELETE", "api/v1/sources/" + id, null, null);
    }

    public List<Assignment> assignments(String tenant) {
        return api.get(credentials.require(), "api/v1/assignments", FleetApi.query("tenant", tenant),
                new TypeReference<>() {
                });
    }

    public Assignment assignment(UUID id) {
        return api.get(credentials.require(), "api/v1/assignments/" + id, Map.of(), ASSIGNMENT);
    }

    public Assignment createAssignment(Assignment.Request request) {
        return api.send(credentials.require(), "POST", "api/v1/assignments", request, ASSIGNMENT);
    }

    public Assignment updateAssignment(UUID id, Assignment.Request request) {
        return api.send(credentials.require(), "PUT", "api/v1/assignments/" + id, request, ASSIGNMENT);
    }

    public void deleteAssignment(UUID id) {
        api.send(credentials.require(), "DELETE", "api/v1/assignments/" + id, null, null);
    }

    /** {@code sync}, {@code suspend} or {@code resume}. */
    public Assignment act(UUID id, String action) {
        return api.send(credentials.require(), "POST", "api/v1/assignments/" + id + "/" + action, null, ASSIGNMENT);
    }

    public Assignment pin(UUID id, String revision) {
        return api.send(credentials.require(), "PUT", "api/v1/assignments/" + id + "/pin",
                Map.of("revision", revision), ASSIGNMENT);
    }

    public Assignment unpin(UUID id) {
        return api.send(credentials.require(), "DELETE", "api/v1/assignments/" + id + "/pin", null, ASSIGNMENT);
    }

    public AssignmentStatus status(UUID id, int page, int size) {
        return api.get(credentials.require(), "api/v1/status/assignments/" + id,
                Map.of("page", String.valueOf(page), "size", String.valueOf(size)), new TypeReference<>() {
                });
    }

    public Page<StatusChange> history(UUID id, int size) {
        return api.get(credentials.require(), "api/v1/status/assignments/" + id + "/history",
                Map.of("size", String.valueOf(size)), new TypeReference<>() {
                });
    }
}
