package io.gitfleet.testsupport.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes a kubeconfig with one cluster, user and context, for processes (agents, kubectl) that read one. */
final class Kubeconfig {

    private Kubeconfig() {
    }

    static Path write(Path file, String server, Path caCert, String token) throws IOException {
        String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(caCert));
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: gitfleet-test
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: gitfleet-admin
                  user:
                    token: %s
                contexts:
                - name: gitfleet-test
                  context:
                    cluster: gitfleet-test
                    user: gitfleet-admin
                    namespace: default
                current-context: gitfleet-test
                """.formatted(server, ca, token);
        return Files.writeString(file, yaml);
    }
}
