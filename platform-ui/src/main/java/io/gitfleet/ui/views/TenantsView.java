package io.gitfleet.ui.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gitfleet.ui.api.AccessApi;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.RoleBinding;
import io.gitfleet.ui.api.Tenant;
import io.gitfleet.ui.session.Permissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Platform admins only: tenants with the namespaces they may write to, and who holds which role (an OIDC group or
 * user bound to a role on one tenant or on the platform).
 */
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants & access · Gitfleet")
public class TenantsView extends VerticalLayout implements BeforeEnterObserver {

    private static final String PLATFORM = "(whole platform)";

    private final AccessApi access;
    private final Permissions permissions;
    private final Grid<Tenant> tenants = new Grid<>();
    private final Grid<RoleBinding> bindings = new Grid<>();

    public TenantsView(AccessApi access, Permissions permissions) {
        this.access = access;
        this.permissions = permissions;
        Button newTenant = new Button("New tenant", click -> createTenant());
        newTenant.setId("new-tenant");
        newTenant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tenants.setId("tenants");
        tenants.addThemeVariants(GridVariant.LUMO_COMPACT);
        tenants.setAllRowsVisible(true);
        tenants.addColumn(Tenant::name).setHeader("Tenant").setSortable(true);
        tenants.addColumn(t -> t.displayName() == null ? "" : t.displayName()).setHeader("Display name");
        tenants.addColumn(t -> String.join(", ", t.namespaces())).setHeader("Namespaces").setFlexGrow(3);
        tenants.addComponentColumn(t -> small(new Button("Delete", click -> Confirm.ask("Delete tenant "
                + t.name() + "?", "Its sources and role bindings go too; refused while it owns assignments.",
                "Delete", () -> run(() -> access.deleteTenant(t.name())))))).setFlexGrow(0).setAutoWidth(true);
        Button newBinding = new Button("New role binding", click -> createBinding());
        newBinding.setId("new-binding");
        bindings.setId("bindings");
        bindings.addThemeVariants(GridVariant.LUMO_COMPACT);
        bindings.setAllRowsVisible(true);
        bindings.addColumn(b -> b.subjectKind() + " " + b.subject()).setHeader("Who").setSortable(true);
        bindings.addColumn(RoleBinding::role).setHeader("Role");
        bindings.addColumn(b -> b.tenant() == null ? PLATFORM : b.tenant()).setHeader("On");
        bindings.addColumn(b -> b.createdBy() + ", " + Formats.when(b.createdAt())).setHeader("Bound by");
        bindings.addComponentColumn(b -> small(new Button("Remove", click -> Confirm.ask("Remove this binding?",
                b.subjectKind() + " " + b.subject() + " loses " + b.role() + ".", "Remove",
                () -> run(() -> access.unbind(b.id())))))).setFlexGrow(0).setAutoWidth(true);
        add(new H3("Tenants"), newTenant, tenants, new H3("Role bindings"), newBinding, bindings);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            if (!permissions.platformAdmin()) {
                removeAll();
                add(new H3("Only platform admins manage tenants and access."));
                return;
            }
        } catch (ApiProblem problem) {
            Problems.notify(problem);
            return;
        }
        load();
    }

    private void load() {
        try {
            tenants.setItems(access.tenants());
            bindings.setItems(access.bindings(null));
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
    }

    private void run(Runnable change) {
        if (Problems.attempt(change, "Done")) {
            load();
        }
    }

    private void createTenant() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New tenant");
        TextField name = new TextField("Name");
        name.setId("tenant-name");
        TextField displayName = new TextField("Display name");
        displayName.setId("tenant-display-name");
        TextField namespaces = new TextField("Namespaces (names or globs, comma separated)");
        namespaces.setId("tenant-namespaces");
        namespaces.setPlaceholder("team-a, team-a-*");
        Map<String, HasValidation> fields = Map.of("name", name, "displayName", displayName, "namespaces",
                namespaces);
        fields.values().forEach(field -> field.setManualValidation(true));
        Button save = Buttons.busy("Create", () -> {
            List<String> patterns = Arrays.stream(namespaces.getValue().split(",")).map(String::strip)
                    .filter(p -> !p.isEmpty()).toList();
            try {
                access.createTenant(new Tenant.Request(name.getValue().strip(), displayName.getValue().strip(),
                        patterns));
                dialog.close();
                Problems.done("Created tenant " + name.getValue().strip());
                load();
            } catch (ApiProblem problem) {
                Problems.onFields(problem, fields);
            }
        });
        save.setId("save-tenant");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, displayName, namespaces);
        form.setColspan(namespaces, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void createBinding() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New role binding");
        Select<String> kind = new Select<>("group", "user");
        kind.setLabel("Subject kind");
        kind.setValue("group");
        kind.setId("binding-kind");
        TextField subject = new TextField("OIDC group or user name");
        subject.setId("binding-subject");
        Select<String> role = new Select<>("viewer", "tenant-member", "tenant-admin", "platform-admin");
        role.setLabel("Role");
        role.setValue("viewer");
        role.setId("binding-role");
        ComboBox<String> tenant = new ComboBox<>("On tenant");
        tenant.setId("binding-tenant");
        try {
            List<String> names = new java.util.ArrayList<>(List.of(PLATFORM));
            access.tenants().forEach(t -> names.add(t.name()));
            tenant.setItems(names);
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
        tenant.setValue(PLATFORM);
        Map<String, HasValidation> fields = Map.of("subjectKind", kind, "subject", subject, "role", role,
                "tenant", tenant);
        fields.values().forEach(field -> field.setManualValidation(true));
        Button save = Buttons.busy("Bind", () -> {
            String on = tenant.getValue() == null || PLATFORM.equals(tenant.getValue()) ? null : tenant.getValue();
            try {
                access.bind(new RoleBinding.Request(kind.getValue(), subject.getValue().strip(), role.getValue(),
                        on));
                dialog.close();
                load();
            } catch (ApiProblem problem) {
                Problems.onFields(problem, fields);
            }
        });
        save.setId("save-binding");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(kind, subject, role, tenant));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static Button small(Button button) {
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
