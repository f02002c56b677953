package io.gitfleet.common.agent;

/**
 * Credentials to fetch a private source: an HTTPS username + token, or an SSH private key. Only ever sent to the
 * agent of a cluster the source's assignments target; {@link #toString()} never prints the secret.
 */
public record SourceCredentials(Kind kind, String username, String secret) {

    public enum Kind {
        HTTPS_TOKEN,
        SSH_KEY
    }

    @Override
    public String toString() {
        return "SourceCredentials[kind=" + kind + ", username=" + username + ", secret=***]";
    }
}
