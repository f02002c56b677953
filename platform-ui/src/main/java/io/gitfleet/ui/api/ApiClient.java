package io.gitfleet.ui.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gitfleet.ui.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * platform-api as the console uses it, always on behalf of the signed-in person: every call carries their
 * credentials, so the console can show and do only what they could through the API. Blocking calls, made on
 * Vaadin's request threads (servlet workers, never event loops). Failures become {@link ApiProblem}s.
 */
@ApplicationScoped
public class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final TypeReference<Page<ClusterRow>> CLUSTER_ROWS = new TypeReference<>() {
    };

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ApiClient(ConsoleConfig config) {
        this.base = URI.create(config.apiUrl().replaceAll("/+$", "") + "/");
    }

    public Me me(ApiCredentials credentials) {
        return get(credentials, "api/v1/me", Map.of(), new TypeReference<>() {
        });
    }

    public FleetSummary summary(ApiCredentials credentials, String selector) {
        return get(credentials, "api/v1/status/summary", params("selector", selector), new TypeReference<>() {
        });
    }

    /** One page of the fleet overview; {@code sort} as the API takes it ({@code name}, {@code -lastHeartbeatAt}). */
    public Page<ClusterRow> clusterRows(ApiCredentials credentials, String selector, String state, String sort,
            int page, int size) {
        Map<String, String> query = params("selector", selector);
        query.putAll(params("state", state));
        query.putAll(params("sort", sort));
        query.put("page", String.valueOf(page));
        query.put("size", String.valueOf(size));
        return get(credentials, "api/v1/status/clusters", query, CLUSTER_ROWS);
    }

    /** Opens the person's live status stream; each event's JSON goes to {@code onEvent} on a client thread. */
    public StatusStream statusEvents(ApiCredentials credentials, java.util.function.Consumer<String> onEvent) {
        return new StatusStream(http, base.resolve("api/v1/status/events"), credentials, onEvent);
    }

    private <T> T get(ApiCredentials credentials, String path, Map<String, String> query, TypeReference<T> type) {
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path + (queryString.isEmpty() ? "" : "?"
                        + queryString)))
                .timeout(TIMEOUT)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300) {
            throw problem(response);
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiProblem(502, "Unexpected answer from the control plane", "GET /" + path
                    + " answered something the console cannot read", List.of());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiProblem(503, "Control plane unreachable", "Cannot reach the control plane at " + base
                    + ": " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "Interrupted", "The request to the control plane was interrupted", List.of());
        }
    }

    private ApiProblem problem(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            body.path("errors").forEach(e -> errors.add(new ApiProblem.FieldError(e.path("field").asText(),
                    e.path("message").asText())));
            return new ApiProblem(response.statusCode(), body.path("title").asText("Request failed"),
                    body.path("detail").asText(null), errors);
        } catch (IOException e) {
            return new ApiProblem(response.statusCode(), "Request failed", "The control plane answered "
                    + response.statusCode(), List.of());
        }
    }

    private static Map<String, String> params(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        if (value != null && !value.isBlank()) {
            params.put(name, value.strip());
        }
        return params;
    }
}
