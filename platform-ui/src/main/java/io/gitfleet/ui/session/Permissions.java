package io.gitfleet.ui.session;

import com.vaadin.flow.server.VaadinSession;
import io.gitfleet.ui.api.AccessApi;
import io.gitfleet.ui.api.Me;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the signed-in person may do, as the API says ({@code /api/v1/me}), asked once per console session. It only
 * decides what the console offers (admin menus, edit buttons): the API checks every call again.
 */
@ApplicationScoped
public class Permissions {

    private final AccessApi access;

    public Permissions(AccessApi access) {
        this.access = access;
    }

    public Me me() {
        VaadinSession session = VaadinSession.getCurrent();
        Me me = session.getAttribute(Me.class);
        if (me == null) {
            me = access.me();
            session.setAttribute(Me.class, me);
        }
        return me;
    }

    public boolean platformAdmin() {
        return me().platformAdmin();
    }
}
