package io.gitfleet.ui.views;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.gitfleet.ui.api.ApiClient;
import io.gitfleet.ui.api.ApiCredentials;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.Me;
import io.gitfleet.ui.session.SignedIn;

/**
 * The local sign-in for installations without an identity provider: the bootstrap admin's name and password,
 * checked by the API itself ({@code GET /api/v1/me}). With single sign-on configured this view is never used.
 */
@Route("login")
@PageTitle("Sign in · Gitfleet")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedIn signedIn;

    public LoginView(ApiClient api, SignedIn signedIn) {
        this.signedIn = signedIn;
        LoginForm form = new LoginForm();
        form.setId("login");
        form.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Gitfleet");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage("Wrong name or password, or the control plane refused them.");
        form.setI18n(i18n);
        form.addLoginListener(login -> {
            ApiCredentials.Basic credentials = new ApiCredentials.Basic(login.getUsername(), login.getPassword());
            try {
                Me me = api.me(credentials);
                signedIn.signInLocally(credentials);
                VaadinSession.getCurrent().setAttribute(Me.class, me);
                form.getUI().ifPresent(ui -> ui.navigate(FleetView.class));
            } catch (ApiProblem problem) {
                form.setError(true);
                form.setEnabled(true);
            }
        });
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (signedIn.singleSignOn()) {
            // A full page load: quarkus-oidc runs the authorization-code flow on it.
            event.forwardToUrl("/sso");
        }
    }
}
