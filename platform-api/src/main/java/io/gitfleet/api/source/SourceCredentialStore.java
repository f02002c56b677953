package io.gitfleet.api.source;

import io.gitfleet.common.agent.SourceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Seals credentials onto a source row and opens them for the two parties that need them: ls-remote and agents. */
@ApplicationScoped
public class SourceCredentialStore {

    private final SecretBox box;

    public SourceCredentialStore(SecretBox box) {
        this.box = box;
    }

    /** Applies a credentials request: null keeps what is stored, {@code none} clears it. */
    void apply(GitSource source, SourceCredentialsRequest request) {
        if (request == null) {
            return;
        }
        if (SourceCredentialsRequest.NONE.equals(request.kind())) {
            source.credentialKind = null;
            source.credentialUsername = null;
            source.credentialCiphertext = null;
            return;
        }
        source.credentialKind = request.kind();
        source.credentialUsername = request.username();
        source.credentialCiphertext = box.seal(request.secret(), source.id);
    }

    public Optional<SourceCredentials> open(GitSource source) {
        if (source.credentialKind == null || source.credentialCiphertext == null) {
            return Optional.empty();
        }
        SourceCredentials.Kind kind = SourceCredentialsRequest.SSH_KEY.equals(source.credentialKind)
                ? SourceCredentials.Kind.SSH_KEY : SourceCredentials.Kind.HTTPS_TOKEN;
        return Optional.of(new SourceCredentials(kind, source.credentialUsername,
                box.open(source.credentialCiphertext, source.id)));
    }
}
