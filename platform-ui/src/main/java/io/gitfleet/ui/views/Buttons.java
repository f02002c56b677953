package io.gitfleet.ui.views;

import com.vaadin.flow.component.button.Button;

/**
 * Buttons that call the API: disabled from the click (in the browser, so a second click cannot send the request
 * twice) until the answer is in; Vaadin's loading bar shows the wait meanwhile.
 */
final class Buttons {

    private Buttons() {
    }

    static Button busy(String text, Runnable action) {
        Button button = new Button(text);
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            try {
                action.run();
            } finally {
                click.getSource().setEnabled(true);
            }
        });
        return button;
    }
}
