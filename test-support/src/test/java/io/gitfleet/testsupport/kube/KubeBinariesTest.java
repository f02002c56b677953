package io.gitfleet.testsupport.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitfleet.testsupport.ServiceStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeBinariesTest {

    @TempDir
    Path cache;

    @Test
    void missingApiServerNamesTheInstallScript() {
        assertThatThrownBy(() -> KubeBinaries.locate(name -> null, cache))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining(cache.resolve("kubernetes-v1.20.2/kube-apiserver").toString())
                .hasMessageContaining("tools/install-kube-apiserver.sh");
    }

    @Test
    void environmentOverridesTheCache() throws Exception {
        Path apiserver = executable(cache.resolve("custom-apiserver"));
        Path etcd = executable(cache.resolve("custom-etcd"));
        Map<String, String> env = Map.of("GITFLEET_KUBE_APISERVER", apiserver.toString(),
                "GITFLEET_ETCD", etcd.toString());

        KubeBinaries binaries = KubeBinaries.locate(env::get, cache);

        assertThat(binaries.kubeApiServer()).isEqualTo(apiserver);
        assertThat(binaries.etcd()).isEqualTo(etcd);
    }

    @Test
    void cachedBuildIsFoundByVersion() throws Exception {
        Path apiserver = executable(cache.resolve("kubernetes-v1.20.2/kube-apiserver"));
        Path etcd = executable(cache.resolve("kubernetes-v1.20.2/etcd"));

        KubeBinaries binaries = KubeBinaries.locate(name -> null, cache);

        assertThat(binaries.kubeApiServer()).isEqualTo(apiserver);
        assertThat(binaries.etcd()).isEqualTo(etcd);
    }

    private static Path executable(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
