package io.gitfleet.ui.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.gitfleet.common.agent.AgentInstallManifest;
import io.gitfleet.ui.ConsoleConfig;
import io.gitfleet.ui.api.ApiProblem;
import io.gitfleet.ui.api.Cluster;
import io.gitfleet.ui.api.FleetApi;
import io.gitfleet.ui.api.RegistrationToken;
import io.gitfleet.ui.session.Permissions;
import java.util.Map;

/**
 * Platform admins only: bring a cluster into the fleet. A one-time token (with a lifetime) is shown exactly once,
 * with a copy button and the manifest that starts the agent with it; clusters whose agent has not registered yet
 * are listed as pending.
 */
@Route(value = "registration", layout = MainLayout.class)
@PageTitle("Registration · Gitfleet")
public class RegistrationView extends VerticalLayout implements BeforeEnterObserver {

    private static final int PENDING = 100;

    private final FleetApi fleet;
    private final Permissions permissions;
    private final ConsoleConfig config;
    private final TextField clusterName = new TextField("Cluster name");
    private final TextField labels = new TextField("Labels (key=value, comma separated)");
    private final Select<String> ttl = new Select<>("30m", "1h", "4h", "24h");
    private final Div issued = new Div();
    private final Grid<Cluster> pending = new Grid<>();

    public RegistrationView(FleetApi fleet, Permissions permissions, ConsoleConfig config) {
        this.fleet = fleet;
        this.permissions = permissions;
        this.config = config;
        clusterName.setId("registration-cluster");
        labels.setId("registration-labels");
        labels.setPlaceholder("env=prod, region=eu");
        ttl.setId("registration-ttl");
        ttl.setLabel("Token valid for");
        ttl.setValue("1h");
        Button create = Buttons.busy("Create registration token", this::issue);
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(clusterName, labels, ttl);
        form.setMaxWidth("60em");
        issued.setId("issued-token");
        issued.setWidthFull();
        pending.setId("pending");
        pending.addThemeVariants(GridVariant.LUMO_COMPACT);
        pending.setAllRowsVisible(true);
        pending.addColumn(Cluster::name).setHeader("Cluster").setSortable(true);
        pending.addColumn(c -> Formats.labels(c.labels())).setHeader("Labels").setFlexGrow(2);
        pending.addColumn(c -> Formats.when(c.createdAt())).setHeader("Token first created");
        add(new H3("Register a cluster"), form, create, issued, new H3("Waiting for their agent"), pending);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            if (!permissions.platformAdmin()) {
                removeAll();
                add(new H3("Only platform admins register clusters."));
                return;
            }
        } catch (ApiProblem problem) {
            Problems.notify(problem);
            return;
        }
        loadPending();
    }

    private void loadPending() {
        try {
            pending.setItems(fleet.clusters(null, "Pending", 0, PENDING).items());
        } catch (ApiProblem problem) {
            Problems.notify(problem);
        }
    }

    private void issue() {
        Map<String, HasValidation> fields = Map.of("clusterName", clusterName, "labels", labels, "ttl", ttl);
        fields.values().forEach(field -> field.setInvalid(false));
        RegistrationToken token;
        try {
            token = fleet.issueToken(new RegistrationToken.Request(clusterName.getValue().strip(),
                    Formats.parseLabels(labels.getValue()), ttl.getValue()));
        } catch (IllegalArgumentException e) {
            labels.setErrorMessage(e.getMessage());
            labels.setInvalid(true);
            return;
        } catch (ApiProblem problem) {
            Problems.onFields(problem, fields);
            return;
        }
        show(token);
        loadPending();
    }

    /** The token exists only in this page from now on: the API keeps its hash, nothing else shows it again. */
    private void show(RegistrationToken token) {
        issued.removeAll();
        TextField value = new TextField("Registration token for " + token.clusterName());
        value.setId("token-value");
        value.setValue(token.token());
        value.setReadOnly(true);
        value.setWidth("40em");
        Button copy = new Button("Copy", click -> copy(token.token()));
        copy.setId("copy-token");
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        AgentInstallManifest manifest = new AgentInstallManifest(config.agentApiUrl().orElse(config.apiUrl()), config.agentImage(),
                token.token());
        TextArea install = new TextArea("Run this against the new cluster (kubectl context of that cluster)");
        install.setId("install-command");
        install.setValue(manifest.command());
        install.setReadOnly(true);
        install.setWidthFull();
        install.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        install.setMaxHeight("24em");
        Button copyInstall = new Button("Copy command", click -> copy(manifest.command()));
        copyInstall.setId("copy-install");
        issued.add(new Paragraph("Shown once: it expires at " + Formats.when(token.expiresAt())
                + " and registers one agent. Gitfleet keeps only its hash."), row, install, copyInstall);
    }

    private void copy(String text) {
        getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", text);
        Problems.done("Copied");
    }
}
