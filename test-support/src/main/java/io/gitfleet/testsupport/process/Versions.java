package io.gitfleet.testsupport.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the external servers, filtered in from the build so the POM stays the one place to change them. */
public final class Versions {

    private static final Properties VERSIONS = load();

    private Versions() {
    }

    public static String keycloak() {
        return VERSIONS.getProperty("keycloak.version");
    }

    public static String kubeApiServer() {
        return VERSIONS.getProperty("kube-apiserver.version");
    }

    private static Properties load() {
        try (InputStream in = Versions.class.getResourceAsStream("/io/gitfleet/testsupport/versions.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("versions.properties missing from test-support", e));
        }
    }
}
