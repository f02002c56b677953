package io.gitfleet.ui.session;

import com.vaadin.flow.server.VaadinSession;
import io.gitfleet.ui.api.ApiCredentials;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.CurrentCredentials;
import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is signed in to the console, as credentials for the API: the person's OIDC access token (the console's
 * OIDC session, refreshed by quarkus-oidc) or, on installations without an identity provider, the bootstrap admin
 * who signed in with the local form (kept in the Vaadin session only, never logged).
 */
@ApplicationScoped
public class SignedIn implements CurrentCredentials {

    private final Instance<SecurityIdentity> identity;
    private final boolean sso;

    public SignedIn(Instance<SecurityIdentity> identity,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean sso) {
        this.identity = identity;
        this.sso = sso;
    }

    /** Whether people sign in through the identity provider (else with the bootstrap admin's local form). */
    public boolean singleSignOn() {
        return sso;
    }

    /**
     * The current person's credentials; empty when nobody is signed in. On a request thread the OIDC token comes
     * from the request's identity and is remembered in the Vaadin session, so work outside requests (pushed
     * updates) uses the one the person's latest request carried.
     */
    public Optional<ApiCredentials> credentials() {
        VaadinSession session = VaadinSession.getCurrent();
        ApiCredentials.Basic local = session == null ? null : session.getAttribute(ApiCredentials.Basic.class);
        if (local != null || !sso) {
            return Optional.ofNullable(local);
        }
        if (!Arc.container().requestContext().isActive()) {
            return Optional.ofNullable(session == null ? null : session.getAttribute(ApiCredentials.Bearer.class));
        }
        SecurityIdentity current = identity.get();
        AccessTokenCredential token = current.isAnonymous() ? null
                : current.getCredential(AccessTokenCredential.class);
        ApiCredentials.Bearer bearer = token == null ? null : new ApiCredentials.Bearer(token.getToken());
        if (session != null) {
            session.setAttribute(ApiCredentials.Bearer.class, bearer);
        }
        return Optional.ofNullable(bearer);
    }

    /**
     * For work outside the person's requests (their live stream reconnecting on an HTTP client thread): whatever
     * credentials their Vaadin session holds at that moment — the token of their latest request, refreshed by
     * quarkus-oidc as they use the console (Vaadin's heartbeats count).
     */
    public Supplier<Optional<ApiCredentials>> heldBy(VaadinSession session) {
        return () -> {
            session.lock();
            try {
                ApiCredentials.Basic local = session.getAttribute(ApiCredentials.Basic.class);
                return Optional.ofNullable(local != null ? local : session.getAttribute(ApiCredentials.Bearer.class));
            } finally {
                session.unlock();
            }
        };
    }

    @Override
    public ApiCredentials require() {
        return credentials().orElseThrow(ApiProblem::signedOut);
    }

    /** The signed-in person's name (no API call: the identity provider's, or the local admin's). */
    public Optional<String> name() {
        VaadinSession session = VaadinSession.getCurrent();
        ApiCredentials.Basic local = session == null ? null : session.getAttribute(ApiCredentials.Basic.class);
        if (local != null) {
            return Optional.of(local.username());
        }
        if (!sso || !Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        SecurityIdentity current = identity.get();
        return current.isAnonymous() ? Optional.empty() : Optional.of(current.getPrincipal().getName());
    }

    /** The bootstrap admin signed in with the local form. */
    public void signInLocally(ApiCredentials.Basic credentials) {
        VaadinSession.getCurrent().setAttribute(ApiCredentials.Basic.class, credentials);
    }

    /** Forgets the local sign-in; an OIDC session ends at the identity provider ({@code /sso/logout}). */
    public void forgetLocal() {
        VaadinSession.getCurrent().setAttribute(ApiCredentials.Basic.class, null);
    }
}
