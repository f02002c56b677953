package io.gitfleet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitfleet.testsupport.git.GitServer;
import io.gitfleet.testsupport.junit.ServiceExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One service per registering class: nested classes share it rather than starting (and leaking) another. */
class ServiceExtensionTest {

    @RegisterExtension
    static final ServiceExtension<GitServer> GIT = new ServiceExtension<>(GitServer::start);

    static GitServer outer;

    @BeforeAll
    static void captureTheOuterInstance() {
        outer = GIT.get();
    }

    @Test
    void startsTheService() {
        assertThat(GIT.get().baseUrl()).startsWith("http://127.0.0.1:");
    }

    @Nested
    class Inner {

        @Test
        void seesTheSameInstance() {
            assertThat(GIT.get()).isSameAs(outer);
        }
    }
}
