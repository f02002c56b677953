package io.gitfleet.testsupport.kube;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.process.GitfleetCache;
import io.gitfleet.testsupport.process.Versions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds etcd and kube-apiserver. kube-apiserver is built once from Debian's source package by
 * {@code tools/install-kube-apiserver.sh} into the Gitfleet cache; etcd comes from Debian's etcd-server.
 */
record KubeBinaries(Path kubeApiServer, Path etcd) {

    static KubeBinaries locate() {
        Path apiserver = fromEnv("GITFLEET_KUBE_APISERVER")
                .orElse(GitfleetCache.root().resolve("kubernetes-" + Versions.kubeApiServer()).resolve("kube-apiserver"));
        Path etcd = fromEnv("GITFLEET_ETCD").orElseGet(() -> Stream.of(
                        GitfleetCache.root().resolve("kubernetes-" + Versions.kubeApiServer()).resolve("etcd"),
                        Path.of("/usr/bin/etcd"))
                .filter(Files::isExecutable).findFirst().orElse(Path.of("/usr/bin/etcd")));
        String hint = " is missing: run tools/install-kube-apiserver.sh once (it caches the build under "
                + GitfleetCache.root() + "), or set GITFLEET_KUBE_APISERVER / GITFLEET_ETCD";
        if (!Files.isExecutable(apiserver)) {
            throw new ServiceStartException("kube-apiserver " + apiserver + hint);
        }
        if (!Files.isExecutable(etcd)) {
            throw new ServiceStartException("etcd " + etcd + hint);
        }
        return new KubeBinaries(apiserver, etcd);
    }

    private static Optional<Path> fromEnv(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).map(Path::of);
    }
}
