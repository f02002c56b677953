package io.gitfleet.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * Where single sign-on lands: quarkus-oidc protects {@code /sso}, so reaching this view means the person just
 * signed in at the identity provider. On to the fleet.
 */
@Route("sso")
public class SsoView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(FleetView.class);
    }
}
