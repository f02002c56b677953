package io.gitfleet.ui.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream against a real HTTP server that drops the first connection. */
class StatusStreamTest {

    private HttpServer server;
    private final BlockingQueue<String> authorizations = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void anApiThatDropsTheFirstStream() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/status/events", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            int n = connections.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(("data: {\"connection\":" + n + "}\n\n").getBytes(StandardCharsets.UTF_8));
                body.flush();
                if (n > 1) {
                    // The second stream stays open until the test ends.
                    release.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aDroppedStreamReconnectsWithThePersonsCurrentTokenAndSaysSo() throws Exception {
        List<String> tokens = List.of("first-token", "refreshed-token");
        AtomicInteger asked = new AtomicInteger();
        BlockingQueue<Optional<String>> events = new LinkedBlockingQueue<>();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/status/events");

        try (StatusStream stream = new StatusStream(HttpClient.newHttpClient(), uri,
                () -> Optional.of(new ApiCredentials.Bearer(tokens.get(Math.min(asked.getAndIncrement(), 1)))),
                event -> events.add(Optional.ofNullable(event)))) {
            assertThat(events.poll(10, TimeUnit.SECONDS)).contains("{\"connection\":1}");
            assertThat(events.poll(10, TimeUnit.SECONDS)).as("reconnected: re-read what may be missed").isEmpty();
            assertThat(events.poll(10, TimeUnit.SECONDS)).contains("{\"connection\":2}");
        }

        assertThat(authorizations.poll(1, TimeUnit.SECONDS)).isEqualTo("Bearer first-token");
        assertThat(authorizations.poll(1, TimeUnit.SECONDS)).isEqualTo("Bearer refreshed-token");
    }

    @Test
    void aClosedStreamDoesNotReconnect() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/status/events");
        StatusStream stream = new StatusStream(HttpClient.newHttpClient(), uri,
                () -> Optional.of(new ApiCredentials.Bearer("token")), event -> {
                    if (event != null) {
                        events.add(event);
                    }
                });
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"connection\":1}");

        stream.close();

        // The first retry would come after a second; nothing may arrive in three.
        assertThat(events.poll(3, TimeUnit.SECONDS)).isNull();
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void nobodySignedInMeansNoConnection() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/status/events");
        try (StatusStream stream = new StatusStream(HttpClient.newHttpClient(), uri, Optional::empty, event -> {
        })) {
            assertThat(authorizations.poll(2, TimeUnit.SECONDS)).isNull();
        }
    }
}
