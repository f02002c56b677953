package io.gitfleet.ui.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.gitfleet.ui.Background;
import io.gitfleet.ui.api.AccessApi;
import io.gitfleet.ui.api.ApiClient;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.ClusterRow;
import io.gitfleet.ui.api.FleetApi;
import io.gitfleet.ui.api.Page;
import io.gitfleet.ui.api.StatusStream;
import io.gitfleet.ui.api.Tenant;
import io.gitfleet.ui.session.SignedIn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fleet overview: tiles with the fleet's counts and a grid of clusters that the API filters, sorts and pages
 * (the browser only ever holds the rows in view, so 10,000 clusters cost what 50 do). Status changes arrive over
 * the person's own event stream and are pushed to the page.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Fleet · Gitfleet")
public class FleetView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final Duration LIVE_COALESCING = Duration.ofMillis(500);
    private static final List<String> STATES = List.of("Pending", "Connected", "Offline", "Revoked");

    private final ApiClient api;
    private final FleetApi fleet;
    private final SignedIn signedIn;
    private final TextField selector = new TextField();
    private final MultiSelectComboBox<String> states = new MultiSelectComboBox<>("State", STATES);
    private final ComboBox<String> tenant = new ComboBox<>("Counts for tenant");
    private final FleetTiles tiles;
    private final Span total = new Span();
    private final Grid<ClusterRow> grid = new Grid<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private StatusStream live;

    public FleetView(ApiClient api, FleetApi fleet, AccessApi access, SignedIn signedIn) {
        this.api = api;
        this.fleet = fleet;
        this.signedIn = signedIn;
        this.tiles = new FleetTiles(fleet, signedIn, () -> new FleetTiles.Filter(selector.getValue(),
                tenant.getValue()));
        selector.setId("selector");
        selector.setLabel("Label selector");
        selector.setPlaceholder("env=prod,region in (eu,us),!canary");
        selector.setClearButtonVisible(true);
        selector.setValueChangeMode(ValueChangeMode.LAZY);
        // The API is the judge of a selector; the field shows its verdict and runs no checks of its own.
        selector.setManualValidation(true);
        selector.setWidth("28em");
        selector.addValueChangeListener(change -> refresh());
        states.setId("states");
        states.addValueChangeListener(change -> refresh());
        total.setId("cluster-count");
        tenant.setId("tenant");
        tenant.setClearButtonVisible(true);
        tenant.setPlaceholder("all I may read");
        // Lazy: the tenant list is fetched when the box opens, not on the overview's first render.
        tenant.setItems(query -> {
            try {
                return access.tenants().stream().map(Tenant::name).filter(n -> n.contains(query.getFilter()
                        .orElse(""))).skip(query.getOffset()).limit(query.getLimit());
            } catch (ApiProblem problem) {
                show(problem);
                return Stream.empty();
            }
        });
        tenant.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(selector, states, tenant, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        configureGrid();
        setSizeFull();
        add(tiles, filters, grid);
        expand(grid);
    }

    /** Live: status changes the person may see refresh the page, at most about twice a second. */
    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // The tiles come after the grid's first rows, pushed when ready: they never hold up the first page.
        tiles.refreshNow(ui);
        live = api.statusEvents(signedIn.heldBy(ui.getSession()), change -> {
            if (refreshQueued.compareAndSet(false, true)) {
                Background.after(LIVE_COALESCING, () -> ui.access(() -> {
                    refreshQueued.set(false);
                    grid.getDataProvider().refreshAll();
                }));
            }
            tiles.refreshSoon(ui);
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    private void configureGrid() {
        grid.setId("clusters");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setColumnReorderingAllowed(true);
        grid.addColumn(row -> row.cluster().name()).setHeader("Cluster").setSortProperty("name").setFlexGrow(2)
                .setKey("name");
        grid.addColumn(row -> row.cluster().state()).setHeader("State").setSortProperty("state").setKey("state");
        grid.addColumn(row -> Formats.labels(row.cluster().labels())).setHeader("Labels").setFlexGrow(3).setKey("labels");
        grid.addColumn(row -> Formats.counts(row.byPhase())).setHeader("Assignments by phase").setFlexGrow(2)
                .setKey("phases");
        grid.addColumn(row -> Formats.counts(row.byHealth())).setHeader("by health").setFlexGrow(2).setKey("health");
        grid.addColumn(ClusterRow::driftedObjects).setHeader("Drifted").setTextAlign(ColumnTextAlign.END)
                .setKey("drifted");
        grid.addColumn(row -> versions(row.cluster())).setHeader("Agent / Kubernetes").setKey("versions")
                .setAutoWidth(true);
        grid.addColumn(row -> Formats.when(row.cluster().lastHeartbeatAt())).setHeader("Last heartbeat")
                .setSortProperty("lastHeartbeatAt").setKey("heartbeat").setAutoWidth(true);
        ApiPages.feed(grid, PAGE_SIZE, this::fetch);
        // The first page goes out with the view itself instead of waiting for the browser to ask for it: one
        // round trip less between signing in and seeing clusters.
        grid.getDataCommunicator().setViewportRange(0, PAGE_SIZE);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ClusterView.class,
                new RouteParameters("id", click.getItem().cluster().id().toString()))));
    }

    private Page<ClusterRow> fetch(int page, int size, String sort) {
        try {
            Page<ClusterRow> rows = fleet.rows(selector.getValue(), String.join(",", states.getValue()),
                    tenant.getValue(), sort, page, size);
            selector.setInvalid(false);
            total.setText(String.format("%,d clusters", rows.total()));
            return rows;
        } catch (ApiProblem problem) {
            show(problem);
            return new Page<>(List.of(), page, size, 0);
        }
    }

    /** The filters changed: new rows now, new tiles when the API has counted them. */
    private void refresh() {
        grid.getDataProvider().refreshAll();
        grid.scrollToStart();
        getUI().ifPresent(tiles::refreshNow);
    }

    /** A selector the API refused goes on the field; anything else is a notification, never a stack trace. */
    private void show(ApiProblem problem) {
        if (problem.errorOn("selector").isPresent()) {
            selector.setErrorMessage(problem.errorOn("selector").get());
            selector.setInvalid(true);
            return;
        }
        Problems.notify(problem);
    }

    private static String versions(io.gitfleet.ui.api.Cluster cluster) {
        return Stream.of(cluster.agentVersion(), cluster.kubernetesVersion()).map(v -> v == null ? "–" : v)
                .collect(Collectors.joining(" / "));
    }
}
