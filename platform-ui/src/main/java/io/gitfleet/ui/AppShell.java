package io.gitfleet.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Server push, so status changes reach open pages without a reload; the Lumo theme (since Vaadin 25 opt-in, served
 * as a plain stylesheet from the theme jar, so no frontend build is needed).
 */
@Push
@StyleSheet("/" + Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {
}
