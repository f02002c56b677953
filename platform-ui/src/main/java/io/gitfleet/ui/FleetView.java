package io.gitfleet.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** Landing view of the fleet console; the fleet overview grid arrives with the console issue. */
@Route("")
@PageTitle("Gitfleet")
public class FleetView extends VerticalLayout {

    public FleetView(ConsoleConfig config) {
        H1 title = new H1("Gitfleet");
        title.setId("title");
        Paragraph summary = new Paragraph("Fleet console: clusters, tenants and assignments, from Git.");
        summary.setId("summary");
        Paragraph api = new Paragraph("Control plane: " + config.apiUrl());
        api.setId("api-url");
        add(title, summary, api);
    }
}
