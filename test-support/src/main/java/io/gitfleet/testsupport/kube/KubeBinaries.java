package io.gitfleet.testsupport.kube;

import io.gitfleet.testsupport.ServiceStartException;
import io.gitfleet.testsupport.process.GitfleetCache;
import io.gitfleet.testsupport.process.Versions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Finds etcd and kube-apiserver. kube-apiserver is built once from Debian's source package by
 * {@code tools/install-kube-apiserver.sh} into the Gitfleet cache; etcd comes from Debian's etcd-server.
 */
record KubeBinaries(Path kubeApiServer, Path etcd) {

    static KubeBinaries locate() {
        return locate(System::getenv, GitfleetCache.root());
    }

    static KubeBinaries locate(UnaryOperator<String> env, Path cache) {
        Path versioned = cache.resolve("kubernetes-" + Versions.kubeApiServer());
        Path apiserver = fromEnv(env, "GITFLEET_KUBE_APISERVER").orElse(versioned.resolve("kube-apiserver"));
        Path etcd = fromEnv(env, "GITFLEET_ETCD").orElseGet(() -> Stream.of(versioned.resolve("etcd"),
                        Path.of("/usr/bin/etcd"))
                .filter(Files::isExecutable).findFirst().orElse(Path.of("/usr/bin/etcd")));
        String hint = " is missing: run tools/install-kube-apiserver.sh once (it caches the build under "
                + cache + "), or set GITFLEET_KUBE_APISERVER / GITFLEET_ETCD";
        if (!Files.isExecutable(apiserver)) {
            throw new ServiceStartException("kube-apiserver " + apiserver + hint);
        }
        if (!Files.isExecutable(etcd)) {
            throw new ServiceStartException("etcd " + etcd + hint);
        }
        return new KubeBinaries(apiserver, etcd);
    }

    private static Optional<Path> fromEnv(UnaryOperator<String> env, String name) {
        return Optional.ofNullable(env.apply(name)).filter(v -> !v.isBlank()).map(Path::of);
    }
}
