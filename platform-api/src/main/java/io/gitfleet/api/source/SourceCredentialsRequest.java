package io.gitfleet.api.source;

import io.gitfleet.api.problem.Violations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Credentials for a private repository: {@code https-token} (username + token) or {@code ssh-key} (private key in
 * OpenSSH/PEM form); {@code none} removes stored credentials. Write-only: never returned, never logged.
 */
@Schema(name = "SourceCredentials", example = """
        {"kind":"https-token","username":"git","token":"ghp_..."}""")
public record SourceCredentialsRequest(String kind, String username, String token, String privateKey) {

    public static final String HTTPS_TOKEN = "https-token";
    public static final String SSH_KEY = "ssh-key";
    public static final String NONE = "none";

    void validate(String url, Violations violations) {
        switch (kind == null ? "" : kind) {
            case HTTPS_TOKEN -> {
                violations.check("credentials.token", token == null || token.isBlank() ? "is required" : null)
                        .maxLength("credentials.token", token, 4096)
                        .maxLength("credentials.username", username, 255)
                        .check("credentials.kind", url != null && !SourceUrls.isHttp(url)
                                ? "https-token needs an http(s) URL" : null);
            }
            case SSH_KEY -> {
                violations.check("credentials.privateKey", privateKey == null || !privateKey.contains("PRIVATE KEY")
                                ? "must be a private key in OpenSSH or PEM form" : null)
                        .maxLength("credentials.privateKey", privateKey, 16384)
                        .check("credentials.kind", url != null && !SourceUrls.isSsh(url)
                                ? "ssh-key needs an ssh:// or git@host:path URL" : null);
            }
            case NONE -> {
            }
            default -> violations.check("credentials.kind", "must be one of https-token, ssh-key, none");
        }
    }

    String secret() {
        return HTTPS_TOKEN.equals(kind) ? token : privateKey;
    }

    @Override
    public String toString() {
        return "SourceCredentialsRequest[kind=" + kind + ", username=" + username + ", secret=***]";
    }
}
