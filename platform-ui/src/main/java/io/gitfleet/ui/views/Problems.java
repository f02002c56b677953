package io.gitfleet.ui.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.gitfleet.ui.api.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the console tells people what went wrong: the API's message on the field it names, everything else as a
 * readable notification (title and detail of the problem, never a stack trace).
 */
final class Problems {

    private Problems() {
    }

    static void notify(ApiProblem problem) {
        if (problem.isSignedOut() && UI.getCurrent() != null) {
            // A fresh page load goes through the sign-in guard: Keycloak (or the local form) signs them in again.
            UI.getCurrent().getPage().reload();
            return;
        }
        String text = problem.getMessage().equals(problem.title()) ? problem.title()
                : problem.title() + ": " + problem.getMessage();
        Notification notification = Notification.show(text, 8000, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("problem");
    }

    /** Runs a change against the API: says {@code done} when it went through (true), the problem otherwise. */
    static boolean attempt(Runnable change, String done) {
        try {
            change.run();
            done(done);
            return true;
        } catch (ApiProblem problem) {
            notify(problem);
            return false;
        }
    }

    static void done(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * Puts each field error on its field: {@code fields} maps the API's field names to form fields, and an error
     * on {@code selector.matchLabels.env} belongs to {@code selector}. Errors no field takes are notified.
     */
    static void onFields(ApiProblem problem, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
        List<String> unplaced = new ArrayList<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            HasValidation field = fieldFor(error.field(), fields);
            if (field == null) {
                unplaced.add(error.field() + ": " + error.message());
            } else {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
        if (problem.errors().isEmpty()) {
            notify(problem);
        } else if (!unplaced.isEmpty()) {
            notify(new ApiProblem(problem.status(), problem.title(), String.join("; ", unplaced), List.of()));
        }
    }

    private static HasValidation fieldFor(String name, Map<String, ? extends HasValidation> fields) {
        for (Map.Entry<String, ? extends HasValidation> field : fields.entrySet()) {
            String key = field.getKey();
            if (name.equals(key) || name.startsWith(key + ".") || name.startsWith(key + "[")) {
                return field.getValue();
            }
        }
        return null;
    }
}
