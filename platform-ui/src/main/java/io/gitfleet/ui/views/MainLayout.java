package io.gitfleet.ui.views;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.session.Permissions;
import io.gitfleet.ui.session.SignedIn;

/** The console's frame: navigation, who is signed in, and signing out. */
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final SignedIn signedIn;
    private final Permissions permissions;
    private final Span who = new Span();
    private final SideNav nav = new SideNav();
    private boolean adminItems;

    public MainLayout(SignedIn signedIn, Permissions permissions) {
        this.signedIn = signedIn;
        this.permissions = permissions;
        H1 title = new H1("Gitfleet");
        title.setId("title");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        who.setId("signed-in-as");
        Button signOut = new Button("Sign out", click -> signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, who, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(who);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), header);
        nav.setId("nav");
        nav.addItem(new SideNavItem("Fleet", FleetView.class), new SideNavItem("Assignments", AssignmentsView.class),
                new SideNavItem("Sources", SourcesView.class), new SideNavItem("Audit log", AuditView.class));
        addToDrawer(nav);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        who.setText(signedIn.name().orElse(""));
        if (!adminItems && signedIn.credentials().isPresent()) {
            adminItems = true;
            try {
                // Offered to platform admins only; the API refuses everyone else anyway.
                if (permissions.platformAdmin()) {
                    nav.addItem(new SideNavItem("Tenants & access", TenantsView.class),
                            new SideNavItem("Registration", RegistrationView.class));
                }
            } catch (ApiProblem problem) {
                Problems.notify(problem);
            }
        }
    }

    private void signOut() {
        signedIn.forgetLocal();
        getUI().ifPresent(ui -> {
            // An OIDC session ends at the identity provider too (RP-initiated logout), then comes back to /.
            ui.getPage().setLocation(signedIn.singleSignOn() ? "/sso/logout" : "/login");
            ui.getSession().close();
        });
    }
}
