package io.gitfleet.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.gitfleet.ui.api.AccessApi;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.Assignment;
import io.gitfleet.ui.api.DeliveryApi;
import io.gitfleet.ui.api.Tenant;
import java.util.List;

/** The assignments of the tenants the person may read, filterable by tenant; a row opens its status page. */
@Route(value = "assignments", layout = MainLayout.class)
@PageTitle("Assignments · Gitfleet")
public class AssignmentsView extends VerticalLayout {

    private final DeliveryApi delivery;
    private final ComboBox<String> tenant = new ComboBox<>("Tenant");
    private final Grid<Assignment> grid = new Grid<>();

    public AssignmentsView(DeliveryApi delivery, AccessApi access) {
        this.delivery = delivery;
        tenant.setId("tenant-filter");
        tenant.setClearButtonVisible(true);
        try {
            tenant.setItems(access.tenants().stream().map(Tenant::name).toList());
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
        tenant.addValueChangeListener(change -> load());
        Button create = new Button("New assignment", click -> getUI().ifPresent(ui -> ui.navigate(
                AssignmentEditor.class)));
        create.setId("new-assignment");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(tenant, create);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.setId("assignments");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Assignment::name).setHeader("Assignment").setSortable(true).setFlexGrow(2);
        grid.addColumn(Assignment::tenant).setHeader("Tenant").setSortable(true);
        grid.addColumn(a -> a.source() + ":" + a.path()).setHeader("Source : path").setFlexGrow(2);
        grid.addColumn(Assignment::namespace).setHeader("Namespace");
        grid.addColumn(a -> a.selector().toString().isEmpty() ? "every cluster" : a.selector().toString())
                .setHeader("Targets").setFlexGrow(2);
        grid.addColumn(AssignmentsView::policy).setHeader("Policy");
        grid.addColumn(a -> a.pinnedRevision() == null ? "" : Formats.revision(a.pinnedRevision()))
                .setHeader("Pinned");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(AssignmentView.class,
                new RouteParameters("id", click.getItem().id().toString()))));
        setSizeFull();
        add(bar, grid);
        expand(grid);
        load();
    }

    private void load() {
        try {
            grid.setItems(delivery.assignments(tenant.getValue()));
        } catch (ApiProblem problem) {
            Problems.notify(problem);
            grid.setItems(List.of());
        }
    }

    static String policy(Assignment assignment) {
        var policy = assignment.policy();
        return String.join(" ", List.of(policy.suspend() ? "suspended" : "", policy.prune() ? "prune" : "",
                policy.selfHeal() ? "self-heal" : "")).strip().replaceAll(" +", " ");
    }
}
