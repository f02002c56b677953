package io.gitfleet.ui.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gitfleet.ui.api.AccessApi;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.DeliveryApi;
import io.gitfleet.ui.api.Source;
import io.gitfleet.ui.api.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Git sources of the tenants the person may read: create, change, resolve the ref now, delete. */
@Route(value = "sources", layout = MainLayout.class)
@PageTitle("Sources · Gitfleet")
public class SourcesView extends VerticalLayout {

    private final DeliveryApi delivery;
    private final List<String> tenants;
    private final Grid<Source> grid = new Grid<>();

    public SourcesView(DeliveryApi delivery, AccessApi access) {
        this.delivery = delivery;
        List<String> names = List.of();
        try {
            names = access.tenants().stream().map(Tenant::name).toList();
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
        this.tenants = names;
        Button create = new Button("New source", click -> edit(null));
        create.setId("new-source");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("sources");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Source::name).setHeader("Source").setSortable(true);
        grid.addColumn(Source::tenant).setHeader("Tenant").setSortable(true);
        grid.addColumn(s -> s.url() + " @ " + s.ref()).setHeader("Repository @ ref").setFlexGrow(3);
        grid.addColumn(Source::pollInterval).setHeader("Polled every");
        grid.addColumn(s -> s.credentialKind() == null ? "none" : s.credentialKind()).setHeader("Credentials");
        grid.addColumn(s -> s.lastError() != null ? "error: " + s.lastError() : Formats.revision(
                s.resolvedRevision())).setHeader("Resolved").setFlexGrow(2);
        grid.addComponentColumn(this::rowActions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        setSizeFull();
        add(create, grid);
        expand(grid);
        load();
    }

    private HorizontalLayout rowActions(Source source) {
        Button refresh = Buttons.busy("Resolve now", () -> {
            try {
                Source resolved = delivery.refreshSource(source.id());
                Problems.done(resolved.lastError() == null ? source.name() + " at " + Formats.revision(
                        resolved.resolvedRevision()) : source.name() + ": " + resolved.lastError());
                load();
            } catch (ApiProblem problem) {
                Problems.notify(problem);
            }
        });
        Button edit = new Button("Edit", click -> edit(source));
        Button delete = new Button("Delete", click -> Confirm.ask("Delete source " + source.name() + "?",
                "Refused while an assignment uses it.", "Delete", () -> {
                    if (Problems.attempt(() -> delivery.deleteSource(source.id()), "Deleted " + source.name())) {
                        load();
                    }
                }));
        List.of(refresh, edit, delete).forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_SMALL,
                ButtonVariant.LUMO_TERTIARY));
        return new HorizontalLayout(refresh, edit, delete);
    }

    private void load() {
        try {
            grid.setItems(delivery.sources(null));
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
    }

    /** The create/change dialog; {@code source} null = new. Stored credentials are never shown, only replaced. */
    private void edit(Source source) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(source == null ? "New source" : "Edit " + source.name());
        ComboBox<String> tenant = new ComboBox<>("Tenant", tenants);
        tenant.setId("source-tenant");
        TextField name = new TextField("Name");
        name.setId("source-name");
        TextField url = new TextField("Repository URL");
        url.setId("source-url");
        url.setPlaceholder("https://git.example.com/team/apps.git");
        TextField ref = new TextField("Branch, tag or ref", "main", "");
        ref.setId("source-ref");
        TextField poll = new TextField("Poll every", "1m", "");
        poll.setId("source-poll");
        if (source != null) {
            tenant.setValue(source.tenant());
            tenant.setReadOnly(true);
            name.setValue(source.name());
            url.setValue(source.url());
            ref.setValue(source.ref());
            poll.setValue(source.pollInterval());
        }
        CredentialsFields credentials = new CredentialsFields(source != null);
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("tenant", tenant);
        fields.put("name", name);
        fields.put("url", url);
        fields.put("ref", ref);
        fields.put("pollInterval", poll);
        fields.putAll(credentials.byApiField());
        fields.values().forEach(field -> field.setManualValidation(true));
        Button save = Buttons.busy("Save", () -> {
            Source.Request request = new Source.Request(tenant.getValue(), name.getValue().strip(),
                    url.getValue().strip(), ref.getValue().strip(), poll.getValue().strip(), credentials.value());
            try {
                if (source == null) {
                    delivery.createSource(request);
                } else {
                    delivery.updateSource(source.id(), request);
                }
                dialog.close();
                Problems.done("Saved " + request.name());
                load();
            } catch (ApiProblem problem) {
                Problems.onFields(problem, fields);
            }
        });
        save.setId("save-source");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(tenant, name, url, ref, poll);
        form.setColspan(url, 2);
        dialog.add(form, credentials);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }
}
