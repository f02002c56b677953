package io.gitfleet.ui.views;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gitfleet.ui.api.AccessApi;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.AuditApi;
import io.gitfleet.ui.api.AuditEvent;
import io.gitfleet.ui.api.Tenant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit log, newest first; the API filters and pages it, and shows tenant roles their tenants' events only. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Gitfleet")
public class AuditView extends VerticalLayout {

    private static final int PAGE_SIZE = 50;
    private static final String ANY = "any";

    private final AuditApi audit;
    private final ComboBox<String> tenant = new ComboBox<>("Tenant");
    private final TextField actor = new TextField("Actor");
    private final TextField action = new TextField("Action");
    private final Select<String> outcome = new Select<>(ANY, "success", "denied");
    private final Grid<AuditEvent> grid = new Grid<>();

    public AuditView(AuditApi audit, AccessApi access) {
        this.audit = audit;
        tenant.setId("audit-tenant");
        tenant.setClearButtonVisible(true);
        try {
            tenant.setItems(access.tenants().stream().map(Tenant::name).toList());
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
        actor.setId("audit-actor");
        action.setId("audit-action");
        action.setPlaceholder("assignment.update");
        outcome.setId("audit-outcome");
        outcome.setLabel("Outcome");
        outcome.setValue(ANY);
        List.of(actor, action).forEach(field -> {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
        });
        tenant.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        actor.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        action.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        outcome.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(tenant, actor, action, outcome);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        grid.setId("audit");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> Formats.when(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader("Actor");
        grid.addColumn(AuditEvent::action).setHeader("Action");
        grid.addColumn(AuditEvent::outcome).setHeader("Outcome");
        grid.addColumn(e -> e.targetType() + " " + (e.targetName() != null ? e.targetName()
                : e.targetId() == null ? "" : e.targetId())).setHeader("Target").setFlexGrow(2);
        grid.addColumn(e -> summary(e.summary())).setHeader("Details").setFlexGrow(4);
        ApiPages.feed(grid, PAGE_SIZE, (page, size, sort) -> fetch(page, size));
        setSizeFull();
        add(filters, grid);
        expand(grid);
    }

    private io.gitfleet.ui.api.Page<AuditEvent> fetch(int page, int size) {
        try {
            return audit.events(new AuditApi.Filter(tenant.getValue(), actor.getValue(), action.getValue(),
                    ANY.equals(outcome.getValue()) ? null : outcome.getValue()), page, size);
        } catch (ApiProblem problem) {
            Problems.notify(problem);
            return new io.gitfleet.ui.api.Page<>(List.of(), page, size, 0);
        }
    }

    private static String summary(Map<String, Object> summary) {
        return summary == null ? "" : summary.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
