package io.gitfleet.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before anything that cannot be undone (revoke, delete). */
final class Confirm {

    private Confirm() {
    }

    static void ask(String title, String text, String action, Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm");
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(text));
        Button confirm = new Button(action, click -> {
            dialog.close();
            onConfirm.run();
        });
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
