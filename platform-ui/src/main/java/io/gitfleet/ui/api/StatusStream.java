package io.gitfleet.ui.api;

import io.gitfleet.ui.Background;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One person's live status stream ({@code GET /api/v1/status/events}, server-sent events): opened with their
 * credentials, so the API sends only changes they may see. Lines arrive on the HTTP client's threads, never on a
 * request thread. When the stream ends (API restarted, connection dropped, token expired) it reconnects with the
 * person's current credentials after a growing pause, and tells the listener ({@code null} event) so the page
 * re-reads what it may have missed. {@link #close()} ends it for good.
 */
public final class StatusStream implements AutoCloseable {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /**
     * The API sends no keep-alives, so a connection whose peer vanished (a node gone, no FIN) would look like a
     * quiet fleet forever: one that has been silent this long is dropped and opened again.
     */
    private static final Duration SILENT_AT_MOST = Duration.ofMinutes(10);

    private final HttpClient http;
    private final URI uri;
    private final Supplier<Optional<ApiCredentials>> credentials;
    private final Consumer<String> onEvent;
    private volatile CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private volatile boolean closed;
    private volatile long heardAt = System.nanoTime();

    StatusStream(HttpClient http, URI uri, Supplier<Optional<ApiCredentials>> credentials, Consumer<String> onEvent) {
        this.http = http;
        this.uri = uri;
        this.credentials = credentials;
        this.onEvent = onEvent;
        connect(FIRST_RETRY, false);
    }

    private void connect(Duration nextPause, boolean reconnecting) {
        Optional<ApiCredentials> current = credentials.get();
        if (closed || current.isEmpty()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", current.get().authorization())
                .header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.whenComplete((answer, failure) -> {
            Duration pause = nextPause;
            if (answer != null) {
                try (Stream<String> body = answer.body()) {
                    if (answer.statusCode() == 200 && !closed) {
                        lines = body;
                        if (closed) {
                            // close() ran between the check and the assignment, and missed this body.
                            return;
                        }
                        if (reconnecting) {
                            onEvent.accept(null);
                        }
                        pause = FIRST_RETRY;
                        heardAt = System.nanoTime();
                        watch(body);
                        body.peek(line -> heardAt = System.nanoTime()).filter(line -> line.startsWith("data:"))
                                .forEach(line -> onEvent.accept(line.substring(5).strip()));
                    }
                } catch (RuntimeException dropped) {
                    // The connection broke mid-stream: reconnect below.
                }
            }
            if (!closed) {
                Duration after = pause;
                Background.after(after, () -> connect(after.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY
                        : after.multipliedBy(2), true));
            }
        });
    }

    /** Drops {@code body} once it has been silent for {@link #SILENT_AT_MOST}; the stream then reconnects. */
    private void watch(Stream<String> body) {
        Background.after(SILENT_AT_MOST, () -> {
            if (closed || lines != body) {
                return;
            }
            if (Duration.ofNanos(System.nanoTime() - heardAt).compareTo(SILENT_AT_MOST) >= 0) {
                body.close();
            } else {
                watch(body);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        CompletableFuture<?> pending = response;
        if (pending != null) {
            pending.cancel(true);
        }
    }
}
