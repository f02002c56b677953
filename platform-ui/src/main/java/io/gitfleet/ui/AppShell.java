package io.gitfleet.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/** Server push, so status changes reach open pages without a reload. */
@Push
public class AppShell implements AppShellConfigurator {
}
