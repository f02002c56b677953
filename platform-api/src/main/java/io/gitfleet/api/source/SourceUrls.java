package io.gitfleet.api.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which repository URLs a source may name: {@code https}, {@code http}, {@code ssh}, {@code file}, and the scp-like
 * {@code git@host:org/repo.git}. Everything else is refused, notably Git's {@code ext::} transport (runs a command)
 * and URLs with a password inside (credentials belong in the sealed credential field).
 */
public final class SourceUrls {

    private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "file");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^:\\s][^\\s]*");

    private SourceUrls() {
    }

    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        if (url.length() > 2048) {
            return "must be at most 2048 characters";
        }
        if (url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "must not contain spaces or control characters";
        }
        if (SCP_LIKE.matcher(url).matches() && !url.contains("://")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!SCHEMES.contains(scheme)) {
            return "scheme must be one of https, http, ssh, file (or git@host:path)";
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            return "must name a host";
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            return "must not contain a password; use the credentials field";
        }
        return null;
    }

    public static boolean isSsh(String url) {
        return url.startsWith("ssh://") || (SCP_LIKE.matcher(url).matches() && !url.contains("://"));
    }

    public static boolean isHttp(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }
}
