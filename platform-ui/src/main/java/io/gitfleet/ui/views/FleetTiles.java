package io.gitfleet.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.gitfleet.ui.Background;
import io.gitfleet.ui.api.ApiCredentials;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.FleetApi;
import io.gitfleet.ui.api.FleetSummary;
import io.gitfleet.ui.session.SignedIn;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The overview's tiles (clusters by state, assignments and placements by phase/health, drifted objects). The summary
 * behind them walks every report of the visible assignments, so it is read off the UI thread, one read at a time,
 * with the filters as they are when the read starts, and pushed; live changes ask for it at most every 5 s.
 */
final class FleetTiles extends HorizontalLayout {

    /** What the tiles count: the overview's selector and tenant filters. */
    record Filter(String selector, String tenant) {
    }

    private static final Duration LIVE_EVERY = Duration.ofSeconds(5);

    private final FleetApi fleet;
    private final SignedIn signedIn;
    private final Supplier<Filter> filter;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile long readAt;

    FleetTiles(FleetApi fleet, SignedIn signedIn, Supplier<Filter> filter) {
        this.fleet = fleet;
        this.signedIn = signedIn;
        this.filter = filter;
        setId("tiles");
        setWidthFull();
        getStyle().set("flex-wrap", "wrap");
    }

    /** The filters changed, or the page opened. */
    void refreshNow(UI ui) {
        request(ui, Duration.ZERO);
    }

    /** A live change: no sooner than {@link #LIVE_EVERY} after the last read. */
    void refreshSoon(UI ui) {
        long since = System.nanoTime() - readAt;
        request(ui, LIVE_EVERY.minusNanos(Math.min(since, LIVE_EVERY.toNanos())));
    }

    private void request(UI ui, Duration delay) {
        wanted.set(true);
        if (reading.compareAndSet(false, true)) {
            Background.after(delay, () -> read(ui));
        }
    }

    /** Reads until nobody asked again meanwhile; a request arriving as it finishes starts the next read. */
    private void read(UI ui) {
        try {
            while (wanted.getAndSet(false)) {
                Optional<ApiCredentials> person = signedIn.heldBy(ui.getSession()).get();
                if (person.isEmpty()) {
                    return;
                }
                AtomicReference<Filter> now = new AtomicReference<>();
                ui.accessSynchronously(() -> now.set(filter.get()));
                FleetSummary summary = fleet.summary(person.get(), now.get().selector(), now.get().tenant());
                ui.access(() -> show(summary));
            }
        } catch (ApiProblem problem) {
            // A refused selector is already on the overview's field (the grid asked too): say it once.
            if (problem.errorOn("selector").isEmpty()) {
                ui.access(() -> Problems.notify(problem));
            }
        } catch (UIDetachedException closed) {
            wanted.set(false);
        } finally {
            readAt = System.nanoTime();
            reading.set(false);
            if (wanted.get() && reading.compareAndSet(false, true)) {
                Background.after(Duration.ZERO, () -> read(ui));
            }
        }
    }

    private void show(FleetSummary summary) {
        removeAll();
        add(tile("tile-clusters", "Clusters", summary.clusters()),
                tile("tile-assignments", "Assignments", summary.assignments().byPhase()),
                tile("tile-health", "Placements by health", summary.placements().byHealth()));
        Div drift = tile("tile-drift", "Drifted objects", Map.of());
        drift.add(new Span(String.valueOf(summary.driftedObjects())));
        add(drift);
    }

    private static Div tile(String id, String title, Map<String, Long> counts) {
        Div tile = new Div();
        tile.setId(id);
        tile.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-s) "
                        + "var(--lumo-space-m)").set("min-width", "12em");
        Span heading = new Span(title);
        heading.getStyle().set("display", "block").set("font-weight", "600");
        tile.add(heading);
        if (!counts.isEmpty()) {
            Span values = new Span(Formats.counts(counts));
            values.getStyle().set("display", "block");
            tile.add(values);
        }
        return tile;
    }
}
