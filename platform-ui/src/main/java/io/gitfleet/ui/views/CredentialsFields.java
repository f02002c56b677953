package io.gitfleet.ui.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.gitfleet.ui.api.Source;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source's credentials, write-only as the API keeps them: an HTTPS token (with username) or an SSH private key is
 * typed in and sent, never read back; editing a source keeps the stored ones unless something else is chosen.
 */
final class CredentialsFields extends FormLayout {

    static final String KEEP = "keep the stored ones";
    static final String NONE = "none";
    static final String HTTPS_TOKEN = "https-token";
    static final String SSH_KEY = "ssh-key";

    private final Select<String> kind = new Select<>();
    private final TextField username = new TextField("Username");
    private final PasswordField token = new PasswordField("Token");
    private final TextArea privateKey = new TextArea("Private key (OpenSSH or PEM)");

    CredentialsFields(boolean editing) {
        kind.setLabel("Credentials");
        kind.setId("source-credentials");
        if (editing) {
            kind.setItems(KEEP, NONE, HTTPS_TOKEN, SSH_KEY);
            kind.setValue(KEEP);
        } else {
            kind.setItems(NONE, HTTPS_TOKEN, SSH_KEY);
            kind.setValue(NONE);
        }
        username.setId("source-username");
        token.setId("source-token");
        privateKey.setId("source-private-key");
        privateKey.setMinHeight("8em");
        kind.addValueChangeListener(change -> show(change.getValue()));
        add(kind, username, token, privateKey);
        setColspan(privateKey, 2);
        show(kind.getValue());
    }

    /** What to send: null keeps the stored credentials (the API's rule for an omitted field). */
    Source.Credentials value() {
        return switch (kind.getValue()) {
            case NONE -> new Source.Credentials(NONE, null, null, null);
            case HTTPS_TOKEN -> new Source.Credentials(HTTPS_TOKEN, blankToNull(username.getValue()),
                    token.getValue(), null);
            case SSH_KEY -> new Source.Credentials(SSH_KEY, null, null, privateKey.getValue());
            default -> null;
        };
    }

    /** The fields the API's messages name ({@code credentials.token}, …). */
    Map<String, HasValidation> byApiField() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("credentials.kind", kind);
        fields.put("credentials.username", username);
        fields.put("credentials.token", token);
        fields.put("credentials.privateKey", privateKey);
        return fields;
    }

    private void show(String chosen) {
        username.setVisible(HTTPS_TOKEN.equals(chosen));
        token.setVisible(HTTPS_TOKEN.equals(chosen));
        privateKey.setVisible(SSH_KEY.equals(chosen));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
