package io.gitfleet.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.testsupport.process.HttpProbe;
import io.gitfleet.testsupport.process.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, minus the shell: the packaged apps from this build start against embedded PostgreSQL
 * and Kafka, answer, and are gone after close.
 */
class LocalPlatformIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void packagedAppsRunOnEmbeddedDefaultsAndStopCleanly() throws Exception {
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("../.."),
                Ports.freeLoopbackPort(), Ports.freeLoopbackPort());
        String info;
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            info = response.body();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(HttpProbe.status(http, platform.consoleUrl() + "/")).isEqualTo(200);
            assertThat(platform.banner()).contains(platform.consoleUrl(), platform.apiUrl(), "jdbc:postgresql://",
                    platform.adminPassword());
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/me"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("admin:" + platform.adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"platformRole\":\"platform-admin\"");
        }
        assertThat(info).contains("\"product\":\"gitfleet\"", "\"installationId\"");
        assertThat(HttpProbe.status(http, config.apiUrl() + "/q/health/ready")).as("api stopped").isEqualTo(-1);
        assertThat(HttpProbe.status(http, config.consoleUrl() + "/")).as("console stopped").isEqualTo(-1);
    }
}
