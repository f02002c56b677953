package io.gitfleet.agent.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitfleet.common.agent.DesiredState;
import io.gitfleet.common.agent.Registration;
import io.gitfleet.common.agent.RegistrationRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The agent's side of the protocol (design §3), over the JDK HTTP client. Blocking: the agent's loop runs on its
 * own thread. A 401 means the credential is dead (revoked or superseded) and is reported as such.
 */
public final class ControlPlaneClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final ObjectMapper json;

    public ControlPlaneClient(String baseUrl, ObjectMapper json) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.json = json;
    }

    /** The desired state and its ETag. */
    public record Desired(DesiredState state, String etag) {
    }

    public Registration register(String token, String agentVersion, String kubernetesVersion)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/agents/register"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        new RegistrationRequest(token, agentVersion, kubernetesVersion))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw new CredentialRefusedException("registration token refused: " + response.body());
        }
        expectOk(response);
        return json.readValue(response.body(), Registration.class);
    }

    /** Empty when the state is still {@code etag} after waiting up to {@code wait}. */
    public Optional<Desired> desiredState(String credential, String etag, Duration wait)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/agents/self/assignments?wait="
                        + wait.toMillis() + "ms"))
                .header("Authorization", "Bearer " + credential)
                .timeout(wait.plusSeconds(30))
                .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        if (response.statusCode() == 401) {
            throw new CredentialRefusedException("the control plane refused this cluster's credential (revoked?)");
        }
        expectOk(response);
        return Optional.of(new Desired(json.readValue(response.body(), DesiredState.class),
                response.headers().firstValue("ETag").orElse(null)));
    }

    private static void expectOk(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
