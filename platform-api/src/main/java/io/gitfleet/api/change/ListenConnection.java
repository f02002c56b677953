package io.gitfleet.api.change;

import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a LISTEN connection goes: the application's own database, on a dedicated connection outside the pool
 * (a pooled connection would be handed back and stop listening). Shared by every feed that LISTENs.
 */
@ApplicationScoped
public class ListenConnection {

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;

    public ListenConnection(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public PgConnectOptions options() {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }
}
