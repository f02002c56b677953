package io.gitfleet.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import io.gitfleet.ui.views.LoginView;
import io.gitfleet.ui.views.SsoView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every view but the sign-in ones needs a signed-in person: with single sign-on the browser goes to {@code /sso}
 * (which quarkus-oidc protects, so it runs the authorization-code flow and comes back), else to the local form.
 */
@ApplicationScoped
public class SignInGuard {

    private final SignedIn signedIn;

    public SignInGuard(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    void serviceInit(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
        // Every request of a signed-in session (heartbeats too) leaves its current, possibly refreshed, token in
        // the session, for the work done outside requests.
        event.addRequestHandler((session, request, response) -> {
            if (session != null && signedIn.singleSignOn()) {
                session.accessSynchronously(signedIn::credentials);
            }
            return false;
        });
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class || target == SsoView.class || signedIn.credentials().isPresent()) {
            return;
        }
        if (signedIn.singleSignOn()) {
            // A full page load: quarkus-oidc runs the authorization-code flow on it.
            event.forwardToUrl("/sso");
        } else {
            event.forwardTo(LoginView.class);
        }
    }
}
