package io.gitfleet.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.gitfleet.common.agent.DriftedField;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.Assignment;
import io.gitfleet.ui.api.DeliveryApi;
import io.gitfleet.ui.api.Cluster;
import io.gitfleet.ui.api.ClusterStatus;
import io.gitfleet.ui.api.FleetApi;
import io.gitfleet.ui.session.Permissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One cluster: its labels (platform admins edit them, and assignments follow at once), what every assignment the
 * person may read reported there (verdict, per-object inventory with health, drifted objects and fields), its
 * recent history, and the admin's revoke and delete.
 */
@Route(value = "clusters/:id", layout = MainLayout.class)
@PageTitle("Cluster · Gitfleet")
public class ClusterView extends VerticalLayout implements BeforeEnterObserver {

    private static final int HISTORY = 50;

    private final FleetApi fleet;
    private final DeliveryApi delivery;
    private final Permissions permissions;
    private final H2 title = new H2();
    private final Span facts = new Span();
    private final TextField labels = new TextField("Labels");
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Grid<Placement> placements = new Grid<>();
    private final Grid<Located<ObjectStatus>> inventory = new Grid<>();
    private final Grid<DriftLine> drift = new Grid<>();
    private final HistoryGrid history = new HistoryGrid("cluster-history");
    private UUID id;

    /**
     * An assignment targeting this cluster, with what its agent reported ({@code null}: nothing yet). Targets come
     * from the assignments' selectors and the cluster's labels (the API's own matcher), so a placement shows before
     * the agent's first report.
     */
    record Placement(Assignment assignment, ClusterStatus.Placement reported) {

        String phase() {
            return reported == null ? "Pending" : reported.phase();
        }

        String health() {
            return reported == null ? "Unknown" : reported.health();
        }
    }

    /**
     * One line of the drift table: a field of a drifted object with Git's value beside the cluster's (values
     * missing: the object was deleted, or its agent reports only paths).
     */
    record DriftLine(String assignment, DriftedObject object, DriftedField field) {

        static List<DriftLine> of(String assignment, DriftedObject object) {
            if (object.deleted()) {
                return List.of(new DriftLine(assignment, object, null));
            }
            if (!object.differences().isEmpty()) {
                return object.differences().stream().map(f -> new DriftLine(assignment, object, f)).toList();
            }
            return object.fields().stream().map(path -> new DriftLine(assignment, object, new DriftedField(path,
                    null, null))).toList();
        }
    }

    /** An object and the assignment it belongs to. */
    record Located<T>(String assignment, T object) {
    }

    public ClusterView(FleetApi fleet, DeliveryApi delivery, Permissions permissions) {
        this.fleet = fleet;
        this.delivery = delivery;
        this.permissions = permissions;
        title.setId("cluster-name");
        facts.setId("cluster-facts");
        labels.setId("cluster-labels");
        labels.setWidth("32em");
        labels.setHelperText("key=value, comma separated");
        labels.setManualValidation(true);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        placements.setId("cluster-assignments");
        placements.addThemeVariants(GridVariant.LUMO_COMPACT);
        placements.setAllRowsVisible(true);
        placements.addColumn(p -> p.assignment().name()).setHeader("Assignment").setFlexGrow(2);
        placements.addColumn(p -> p.assignment().tenant()).setHeader("Tenant");
        placements.addColumn(Placement::phase).setHeader("Phase");
        placements.addColumn(Placement::health).setHeader("Health");
        placements.addColumn(p -> p.reported() == null ? "–" : Formats.revision(p.reported().appliedRevision())
                + " / " + Formats.revision(p.reported().desiredRevision())).setHeader("Applied / desired");
        placements.addColumn(p -> p.reported() == null ? 0 : p.reported().drift().stream().filter(d -> !d.healed())
                .count()).setHeader("Drifted");
        placements.addColumn(p -> p.reported() == null ? "no report yet" : Formats.when(p.reported().reportedAt()))
                .setHeader("Reported");
        placements.addColumn(p -> p.reported() == null || p.reported().message() == null ? ""
                : p.reported().message()).setHeader("Message").setFlexGrow(3);
        placements.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(AssignmentView.class,
                new RouteParameters("id", click.getItem().assignment().id().toString()))));
        inventory.setId("cluster-inventory");
        inventory.addThemeVariants(GridVariant.LUMO_COMPACT);
        inventory.setHeight("18em");
        inventory.addColumn(Located::assignment).setHeader("Assignment");
        inventory.addColumn(o -> kind(o.object().group(), o.object().kind())).setHeader("Kind");
        inventory.addColumn(o -> name(o.object().namespace(), o.object().name())).setHeader("Object").setFlexGrow(2);
        inventory.addColumn(o -> o.object().action()).setHeader("Last action");
        inventory.addColumn(o -> o.object().health()).setHeader("Health");
        inventory.addColumn(o -> o.object().message() == null ? "" : o.object().message()).setHeader("Message")
                .setFlexGrow(3);
        drift.setId("cluster-drift");
        drift.addThemeVariants(GridVariant.LUMO_COMPACT);
        drift.setAllRowsVisible(true);
        drift.addColumn(DriftLine::assignment).setHeader("Assignment");
        drift.addColumn(line -> kind(line.object().group(), line.object().kind()) + " " + name(
                line.object().namespace(), line.object().name())).setHeader("Object").setFlexGrow(2);
        drift.addColumn(line -> line.field() == null ? "(whole object)" : line.field().path()).setHeader("Field")
                .setFlexGrow(2);
        drift.addColumn(code(line -> line.field() == null ? "present" : orAbsent(line.field().git())))
                .setHeader("In Git").setFlexGrow(2);
        drift.addColumn(code(line -> line.field() == null ? "deleted" : orAbsent(line.field().live())))
                .setHeader("In the cluster").setFlexGrow(2);
        drift.addColumn(line -> line.object().healed() ? "healed" : "drifted").setHeader("Now");
        // Drift before the inventory: what differs from Git is what people open a cluster page for.
        add(title, facts, actions, placements, new H3("Drift"), drift, new H3("Objects"), inventory,
                new H3("Recent history"), history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElseThrow());
        } catch (IllegalArgumentException e) {
            Problems.notify(new ApiProblem(404, "Not found", "No such cluster", List.of()));
            return;
        }
        load();
    }

    private void load() {
        try {
            Cluster cluster = fleet.cluster(id);
            ClusterStatus status = fleet.status(id);
            title.setText(cluster.name());
            facts.setText(cluster.state() + " · agent " + orDash(cluster.agentVersion()) + " · Kubernetes "
                    + orDash(cluster.kubernetesVersion()) + " · last heartbeat " + Formats.when(
                    cluster.lastHeartbeatAt()) + " · registered " + Formats.when(cluster.registeredAt()));
            labels.setValue(Formats.labels(cluster.labels()));
            showActions(cluster);
            Map<UUID, ClusterStatus.Placement> reported = status.assignments().stream()
                    .collect(Collectors.toMap(ClusterStatus.Placement::assignmentId, p -> p));
            placements.setItems(delivery.assignments(null).stream()
                    .filter(a -> a.selector().matches(cluster.labels()) || reported.containsKey(a.id()))
                    .map(a -> new Placement(a, reported.get(a.id()))).toList());
            inventory.setItems(status.assignments().stream().flatMap(p -> p.inventory().stream()
                    .map(o -> new Located<>(p.assignment(), o))).toList());
            drift.setItems(status.assignments().stream().flatMap(p -> p.drift().stream()
                    .flatMap(o -> DriftLine.of(p.assignment(), o).stream())).toList());
            history.setItems(fleet.history(id, HISTORY).items());
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
    }

    private void showActions(Cluster cluster) {
        actions.removeAll();
        boolean admin = permissions.platformAdmin();
        labels.setReadOnly(!admin);
        actions.add(labels);
        if (!admin) {
            return;
        }
        Button save = Buttons.busy("Save labels", this::relabel);
        save.setId("save-labels");
        Button revoke = new Button("Revoke", click -> Confirm.ask("Revoke " + cluster.name() + "?",
                "Its agent's credential stops working at once; it can no longer read assignments or report.",
                "Revoke", () -> act(() -> fleet.revoke(id), "Revoked " + cluster.name())));
        revoke.setId("revoke");
        revoke.setEnabled(!"Revoked".equals(cluster.state()));
        Button delete = new Button("Delete", click -> Confirm.ask("Delete " + cluster.name() + "?",
                "The cluster leaves the fleet with its status and history. Objects in the cluster stay as they are.",
                "Delete", this::delete));
        delete.setId("delete-cluster");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(save, revoke, delete);
    }

    private void relabel() {
        try {
            fleet.relabel(id, Formats.parseLabels(labels.getValue()));
            labels.setInvalid(false);
            Problems.done("Labels saved; assignments follow them now");
            load();
        } catch (IllegalArgumentException e) {
            labels.setErrorMessage(e.getMessage());
            labels.setInvalid(true);
        } catch (ApiProblem problem) {
            Problems.onFields(problem, Map.of("labels", labels));
        }
    }

    private void act(Runnable action, String done) {
        if (Problems.attempt(action, done)) {
            load();
        }
    }

    private void delete() {
        if (Problems.attempt(() -> fleet.delete(id), "Deleted")) {
            getUI().ifPresent(ui -> ui.navigate(FleetView.class));
        }
    }

    private static String kind(String group, String kind) {
        return group == null || group.isEmpty() ? kind : kind + "." + group;
    }

    private static String name(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** Values side by side in a monospace font, as JSON reads best (Lit escapes the text). */
    private static LitRenderer<DriftLine> code(ValueProvider<DriftLine, String> value) {
        return LitRenderer.<DriftLine>of("<code style=\"white-space: pre-wrap\">${item.value}</code>")
                .withProperty("value", value);
    }

    /** A value as the agent sent it (compact JSON); null means the field is not set on that side. */
    private static String orAbsent(String value) {
        return value == null ? "(not set)" : value;
    }

    private static String orDash(String value) {
        return value == null ? "–" : value;
    }
}
