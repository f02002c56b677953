package io.gitfleet.ui.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How the console proves to the API who the signed-in person is: their OIDC access token, or the local admin. */
public sealed interface ApiCredentials {

    /** The value of the {@code Authorization} header. */
    String authorization();

    /** The person's own access token from the console's OIDC session. */
    record Bearer(String accessToken) implements ApiCredentials {

        @Override
        public String authorization() {
            return "Bearer " + accessToken;
        }

        @Override
        public String toString() {
            return "Bearer[redacted]";
        }
    }

    /** The bootstrap admin's name and password, for installations without an identity provider. */
    record Basic(String username, String password) implements ApiCredentials {

        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[" + username + ", redacted]";
        }
    }
}
