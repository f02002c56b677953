package io.gitfleet.ui.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gitfleet.ui.Background;
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

    private final URI base;
    // Virtual threads: every open overview holds a live stream whose lines are read by one of these.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Background.THREADS).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    public ApiClient(ConsoleConfig config) {
        this.base = URI.create(config.apiUrl().replaceAll("/+$", "") + "/");
    }

    public Me me(ApiCredentials credentials) {
        return get(credentials, "api/v1/me", Map.of(), new TypeReference<>() {
        });
    }

    /**
     * Opens the person's live status stream; each event's JSON goes to {@code onEvent} on a client thread ({@code
     * null} after a reconnect). {@code credentials} is asked again on every reconnect, for a refreshed token.
     */
    public StatusStream statusEvents(java.util.function.Supplier<java.util.Optional<ApiCredentials>> credentials,
            java.util.function.Consumer<String> onEvent) {
        return new StatusStream(http, base.resolve("api/v1/status/events"), credentials, onEvent);
    }

    /** {@code GET path?query}; blank query values are left out. */
    public <T> T get(ApiCredentials credentials, String path, Map<String, String> query, TypeReference<T> type) {
        String queryString = query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange(credentials, "GET", path + (queryString.isEmpty() ? "" : "?" + queryString), null, type);
    }

    /** A change: {@code POST}, {@code PUT} or {@code DELETE} with an optional JSON body; null type = no answer. */
    public <T> T send(ApiCredentials credentials, String method, String path, Object body, TypeReference<T> type) {
        return exchange(credentials, method, path, body, type);
    }

    private <T> T exchange(ApiCredentials credentials, String method, String path, Object body,
            TypeReference<T> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the request body of " + method + " /" + path, e);
            }
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 300) {
            throw problem(response);
        }
        if (type == null || response.statusCode() == 204) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiProblem(502, "Unexpected answer from the control plane", method + " /" + path
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
}
