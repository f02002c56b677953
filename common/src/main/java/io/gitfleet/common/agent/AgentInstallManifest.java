package io.gitfleet.common.agent;

/**
 * What someone runs in a new cluster to bring its agent up with a one-time registration token (the console shows
 * it next to a new token; it lives here because it is a contract with the agent: its namespace and the names of
 * the environment variables the agent reads, which the agent's tests check). A namespace, the
 * agent's service account (cluster-admin, because it applies whatever its assignments hold — narrow it where
 * tenants deploy only namespaced objects), the token as a Secret, and the agent's Deployment. After the first
 * start the agent keeps its own credential in Secret {@code gitfleet-agent-credential}, so the token Secret can
 * be deleted.
 */
public record AgentInstallManifest(String apiUrl, String image, String token) {

    public static final String NAMESPACE = "gitfleet-system";

    @Override
    public String toString() {
        return "AgentInstallManifest[" + apiUrl + ", " + image + ", token redacted]";
    }

    /** The one command to run: the manifest, applied from standard input. */
    public String command() {
        return "kubectl apply -f - <<'EOF'\n" + yaml() + "EOF\n";
    }

    public String yaml() {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %1$s
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: gitfleet-agent
                  namespace: %1$s
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: gitfleet-agent
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: cluster-admin
                subjects:
                  - kind: ServiceAccount
                    name: gitfleet-agent
                    namespace: %1$s
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: gitfleet-agent-registration
                  namespace: %1$s
                stringData:
                  GITFLEET_AGENT_REGISTRATION_TOKEN: "%4$s"
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: gitfleet-agent
                  namespace: %1$s
                spec:
                  replicas: 1
                  strategy:
                    type: Recreate
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: gitfleet-agent
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: gitfleet-agent
                    spec:
                      serviceAccountName: gitfleet-agent
                      containers:
                        - name: agent
                          image: %3$s
                          env:
                            - name: GITFLEET_AGENT_API_URL
                              value: "%2$s"
                          envFrom:
                            - secretRef:
                                name: gitfleet-agent-registration
                                optional: true
                          resources:
                            requests:
                              cpu: 50m
                              memory: 128Mi
                            limits:
                              memory: 256Mi
                """.formatted(NAMESPACE, apiUrl, image, token);
    }
}
