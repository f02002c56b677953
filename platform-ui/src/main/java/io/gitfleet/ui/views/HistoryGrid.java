package io.gitfleet.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.gitfleet.ui.api.StatusChange;

/** Recent transitions of a cluster or an assignment, newest first, as the API returns them. */
final class HistoryGrid extends Grid<StatusChange> {

    HistoryGrid(String id) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setHeight("16em");
        addColumn(c -> Formats.when(c.at())).setHeader("When");
        addColumn(StatusChange::kind).setHeader("What");
        addColumn(c -> (c.from() == null ? "–" : c.from()) + " → " + (c.to() == null ? "–" : c.to()))
                .setHeader("Change").setFlexGrow(2);
        addColumn(c -> c.detail() == null ? "" : c.detail()).setHeader("Detail").setFlexGrow(2);
    }
}
