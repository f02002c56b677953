package io.gitfleet.ui.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One person's live status stream ({@code GET /api/v1/status/events}, server-sent events): opened with their
 * credentials, so the API sends only changes they may see. Lines arrive on the HTTP client's threads, never on a
 * request thread; {@link #close()} ends it.
 */
public final class StatusStream implements AutoCloseable {

    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private volatile boolean closed;

    StatusStream(HttpClient http, URI uri, ApiCredentials credentials, Consumer<String> onEvent) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", credentials.authorization())
                .header("Accept", "text/event-stream").GET().build();
        this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            if (answer.statusCode() != 200 || closed) {
                answer.body().close();
                return;
            }
            lines = answer.body();
            lines.filter(line -> line.startsWith("data:")).forEach(line -> onEvent.accept(line.substring(5).strip()));
        });
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
