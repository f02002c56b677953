package io.gitfleet.ui.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import io.gitfleet.common.agent.SyncPolicy;
import io.gitfleet.common.selector.InvalidSelectorException;
import io.gitfleet.common.selector.LabelSelector;
import io.gitfleet.ui.api.AccessApi;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.Assignment;
import io.gitfleet.ui.api.Cluster;
import io.gitfleet.ui.api.DeliveryApi;
import io.gitfleet.ui.api.FleetApi;
import io.gitfleet.ui.api.Page;
import io.gitfleet.ui.api.Source;
import io.gitfleet.ui.api.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Create or change an assignment. The API validates; its messages land on the fields they name. While the
 * selector is typed, the clusters it matches right now are previewed, so nobody saves a selector that targets
 * nothing (or everything) by accident.
 */
@Route(value = "assignments/new", layout = MainLayout.class)
@RouteAlias(value = "assignments/:id/edit", layout = MainLayout.class)
@PageTitle("Edit assignment · Gitfleet")
public class AssignmentEditor extends VerticalLayout implements BeforeEnterObserver {

    private static final int PREVIEW = 10;

    private final DeliveryApi delivery;
    private final FleetApi fleet;
    private final H2 title = new H2("New assignment");
    private final ComboBox<String> tenant = new ComboBox<>("Tenant");
    private final TextField name = new TextField("Name");
    private final ComboBox<String> source = new ComboBox<>("Source");
    private final TextField path = new TextField("Path in the repository");
    private final TextField namespace = new TextField("Namespace");
    private final TextField selector = new TextField("Target clusters (label selector)");
    private final Div targets = new Div();
    private final Checkbox prune = new Checkbox("Prune objects that leave Git", true);
    private final Checkbox selfHeal = new Checkbox("Self-heal drift");
    private final Checkbox suspend = new Checkbox("Suspended");
    private final TextArea substitutions = new TextArea("Substitutions (NAME=value per line)");
    private Assignment editing;

    public AssignmentEditor(DeliveryApi delivery, FleetApi fleet, AccessApi access) {
        this.delivery = delivery;
        this.fleet = fleet;
        tenant.setId("assignment-tenant");
        name.setId("assignment-name");
        source.setId("assignment-source");
        path.setId("assignment-path");
        namespace.setId("assignment-namespace");
        selector.setId("assignment-selector");
        selector.setPlaceholder("env=prod,region in (eu,us)  — empty: every cluster");
        selector.setValueChangeMode(ValueChangeMode.LAZY);
        selector.addValueChangeListener(change -> preview());
        targets.setId("targets-preview");
        substitutions.setId("assignment-substitutions");
        List.of(tenant, source).forEach(box -> box.setAllowCustomValue(false));
        List.<HasValidation>of(tenant, name, source, path, namespace, selector, substitutions)
                .forEach(field -> field.setManualValidation(true));
        try {
            tenant.setItems(access.tenants().stream().map(Tenant::name).toList());
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
        tenant.addValueChangeListener(change -> loadSources(change.getValue()));
        Button save = Buttons.busy("Save", this::save);
        save.setId("save-assignment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> getUI().ifPresent(ui -> ui.navigate(AssignmentsView.class)));
        FormLayout form = new FormLayout(tenant, name, source, path, namespace, selector, targets, substitutions);
        form.setColspan(selector, 2);
        form.setColspan(targets, 2);
        form.setColspan(substitutions, 2);
        form.setMaxWidth("60em");
        add(title, form, new HorizontalLayout(prune, selfHeal, suspend), new HorizontalLayout(save, cancel));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse(null);
        if (id == null) {
            preview();
            return;
        }
        try {
            editing = delivery.assignment(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            Problems.notify(new ApiProblem(404, "Not found", "No such assignment", List.of()));
            return;
        } catch (ApiProblem problem) {
            Problems.notify(problem);
            return;
        }
        title.setText("Edit " + editing.name());
        tenant.setValue(editing.tenant());
        tenant.setReadOnly(true);
        name.setValue(editing.name());
        source.setValue(editing.source());
        path.setValue(editing.path());
        namespace.setValue(editing.namespace());
        selector.setValue(editing.selector().toString());
        prune.setValue(editing.policy().prune());
        selfHeal.setValue(editing.policy().selfHeal());
        suspend.setValue(editing.policy().suspend());
        substitutions.setValue(editing.substitutions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
        preview();
    }

    private void loadSources(String tenantName) {
        if (tenantName == null) {
            source.setItems(List.<String>of());
            return;
        }
        try {
            source.setItems(delivery.sources(tenantName).stream().map(Source::name).toList());
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
    }

    /** The clusters the selector matches now, as the API's own matcher finds them. */
    private void preview() {
        try {
            Page<Cluster> matched = fleet.clusters(selector.getValue(), null, 0, PREVIEW);
            selector.setInvalid(false);
            String names = matched.items().stream().map(Cluster::name).collect(Collectors.joining(", "));
            targets.setText(matched.total() == 0 ? "Matches no cluster yet."
                    : String.format("Matches %,d cluster%s: %s%s", matched.total(), matched.total() == 1 ? "" : "s",
                    names, matched.total() > PREVIEW ? ", …" : ""));
        } catch (ApiProblem problem) {
            targets.setText("");
            if (problem.errorOn("selector").isPresent()) {
                selector.setErrorMessage(problem.errorOn("selector").get());
                selector.setInvalid(true);
            } else {
                Problems.notify(problem);
            }
        }
    }

    private void save() {
        Assignment.Request request;
        try {
            request = new Assignment.Request(tenant.getValue(), name.getValue().strip(), source.getValue(),
                    path.getValue().strip(), namespace.getValue().strip(), LabelSelector.parse(selector.getValue()),
                    policy(), parseSubstitutions());
        } catch (InvalidSelectorException e) {
            selector.setErrorMessage(e.getMessage());
            selector.setInvalid(true);
            return;
        } catch (IllegalArgumentException e) {
            substitutions.setErrorMessage(e.getMessage());
            substitutions.setInvalid(true);
            return;
        }
        try {
            Assignment saved = editing == null ? delivery.createAssignment(request)
                    : delivery.updateAssignment(editing.id(), request);
            Problems.done("Saved " + saved.name());
            getUI().ifPresent(ui -> ui.navigate(AssignmentView.class, new RouteParameters("id",
                    saved.id().toString())));
        } catch (ApiProblem problem) {
            Problems.onFields(problem, Map.of("tenant", tenant, "name", name, "source", source, "path", path,
                    "namespace", namespace, "selector", selector, "substitutions", substitutions));
        }
    }

    /** The switches edited here; force, allowEmpty and ignore rules are kept as they were. */
    private SyncPolicy policy() {
        SyncPolicy was = editing == null ? SyncPolicy.DEFAULT : editing.policy();
        return new SyncPolicy(prune.getValue(), selfHeal.getValue(), suspend.getValue(), was.force(),
                was.allowEmpty(), was.ignore());
    }

    private Map<String, String> parseSubstitutions() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : substitutions.getValue().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + line.strip() + "' is not NAME=value");
            }
            values.put(line.substring(0, equals).strip(), line.substring(equals + 1));
        }
        return values;
    }
}
