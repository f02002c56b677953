package io.gitfleet.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.Assignment;
import io.gitfleet.ui.api.AssignmentStatus;
import io.gitfleet.ui.api.DeliveryApi;
import io.gitfleet.ui.api.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One assignment: what it deploys where, its roll-up over every target cluster (paged by the API), its actions
 * (sync now, suspend/resume, pin a revision, edit, delete) and its recent transitions.
 */
@Route(value = "assignments/:id", layout = MainLayout.class)
@PageTitle("Assignment · Gitfleet")
public class AssignmentView extends VerticalLayout implements BeforeEnterObserver {

    private static final int PAGE_SIZE = 50;
    private static final int HISTORY = 50;

    private final DeliveryApi delivery;
    private final H2 title = new H2();
    private final Span facts = new Span();
    private final Span rollup = new Span();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Grid<AssignmentStatus.Target> targets = new Grid<>();
    private final HistoryGrid history = new HistoryGrid("assignment-history");
    private UUID id;

    public AssignmentView(DeliveryApi delivery) {
        this.delivery = delivery;
        title.setId("assignment-title");
        facts.setId("assignment-facts");
        rollup.setId("assignment-rollup");
        actions.setId("assignment-actions");
        targets.setId("assignment-targets");
        targets.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        targets.setHeight("24em");
        targets.addColumn(AssignmentStatus.Target::clusterName).setHeader("Cluster").setFlexGrow(2);
        targets.addColumn(AssignmentStatus.Target::clusterState).setHeader("Cluster state");
        targets.addColumn(AssignmentStatus.Target::phase).setHeader("Phase");
        targets.addColumn(AssignmentStatus.Target::health).setHeader("Health");
        targets.addColumn(t -> Formats.revision(t.appliedRevision())).setHeader("Applied");
        targets.addColumn(AssignmentStatus.Target::driftedObjects).setHeader("Drifted");
        targets.addColumn(t -> t.message() != null ? t.message() : t.reason() == null ? "" : t.reason())
                .setHeader("Why").setFlexGrow(3);
        targets.addColumn(t -> Formats.when(t.reportedAt())).setHeader("Reported");
        targets.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ClusterView.class,
                new RouteParameters("id", click.getItem().clusterId().toString()))));
        add(title, facts, rollup, actions, new H3("Targets"), targets, new H3("Recent history"), history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElseThrow());
        } catch (IllegalArgumentException e) {
            Problems.notify(new ApiProblem(404, "Not found", "No such assignment", List.of()));
            return;
        }
        load();
    }

    private void load() {
        try {
            Assignment assignment = delivery.assignment(id);
            title.setText(assignment.name());
            String selector = assignment.selector().toString();
            facts.setText("Tenant " + assignment.tenant() + " · " + assignment.source() + ":" + assignment.path()
                    + " → namespace " + assignment.namespace() + " · targets " + (selector.isEmpty()
                    ? "every cluster" : selector) + " · generation " + assignment.generation()
                    + (assignment.pinnedRevision() == null ? "" : " · pinned to "
                    + Formats.revision(assignment.pinnedRevision())) + " · " + AssignmentsView.policy(assignment));
            showActions(assignment);
            // The roll-up comes with every page; the first page's refreshes the line above the grid.
            ApiPages.feed(targets, PAGE_SIZE, (page, size, sort) -> {
                AssignmentStatus status = targetPage(page, size);
                if (page == 0) {
                    rollup.setText(status.phase() + " · " + status.health() + " · desired "
                            + Formats.revision(status.desiredRevision()) + " · " + Formats.counts(status.byPhase())
                            + " · " + Formats.counts(status.byHealth()));
                }
                return status.targets();
            });
            history.setItems(delivery.history(id, HISTORY).items());
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
    }

    /** The grid asks after load() returned, so its problems are shown here, not thrown into Vaadin's handler. */
    private AssignmentStatus targetPage(int page, int size) {
        try {
            return delivery.status(id, page, size);
        } catch (ApiProblem problem) {
            Problems.notify(problem);
            return new AssignmentStatus(id, "", "", 0, null, "Unknown", "Unknown", Map.of(), Map.of(),
                    new Page<>(List.of(), page, size, 0));
        }
    }

    private void showActions(Assignment assignment) {
        actions.removeAll();
        Button sync = Buttons.busy("Sync now", () -> act(() -> delivery.act(id, "sync"),
                "Sync requested: agents apply it on their next poll"));
        sync.setId("sync");
        sync.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        boolean suspended = assignment.policy().suspend();
        Button suspendOrResume = new Button(suspended ? "Resume" : "Suspend", click -> act(
                () -> delivery.act(id, suspended ? "resume" : "suspend"), suspended ? "Resumed" : "Suspended"));
        suspendOrResume.setId(suspended ? "resume" : "suspend");
        Button pin = assignment.pinnedRevision() == null ? new Button("Pin revision…", click -> pinDialog())
                : new Button("Unpin", click -> act(() -> delivery.unpin(id), "Unpinned: follows the source again"));
        pin.setId(assignment.pinnedRevision() == null ? "pin" : "unpin");
        Button edit = new Button("Edit", click -> getUI().ifPresent(ui -> ui.navigate("assignments/" + id
                + "/edit")));
        edit.setId("edit-assignment");
        Button delete = new Button("Delete", click -> Confirm.ask("Delete " + assignment.name() + "?",
                "Agents remove it from every target" + (assignment.policy().prune() ? " and prune its objects."
                        : "; its objects stay (prune is off)."), "Delete", this::delete));
        delete.setId("delete-assignment");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(sync, suspendOrResume, pin, edit, delete);
    }

    private void pinDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Pin a revision");
        TextField revision = new TextField("Commit (40 hex digits)");
        revision.setId("pin-revision");
        revision.setWidth("28em");
        revision.setManualValidation(true);
        Button pin = Buttons.busy("Pin", () -> {
            try {
                delivery.pin(id, revision.getValue().strip());
                dialog.close();
                Problems.done("Pinned");
                load();
            } catch (ApiProblem problem) {
                Problems.onFields(problem, Map.of("revision", revision));
            }
        });
        pin.setId("pin-confirm");
        pin.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(revision);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), pin);
        dialog.open();
    }

    private void act(Supplier<Assignment> action, String done) {
        if (Problems.attempt(action::get, done)) {
            load();
        }
    }

    private void delete() {
        if (Problems.attempt(() -> delivery.deleteAssignment(id), "Deleted")) {
            getUI().ifPresent(ui -> ui.navigate(AssignmentsView.class));
        }
    }
}
