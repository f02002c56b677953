package io.gitfleet.api.support;

import static io.gitfleet.api.support.Api.bootstrapAdmin;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds objects through the public API as the bootstrap admin, failing loudly when the API refuses. */
public final class Fixture {

    private Fixture() {
    }

    public static String tenant(String name, String... namespaces) {
        return bootstrapAdmin().body(Map.of("name", name, "displayName", "Tenant " + name,
                        "namespaces", List.of(namespaces)))
                .post("/api/v1/tenants").then().statusCode(201).extract().path("id");
    }

    /** Binds and tolerates an existing identical binding (409), so classes can share platform bindings. */
    public static void bind(String kind, String subject, String role, String tenant) {
        Map<String, Object> body = new HashMap<>(Map.of("subjectKind", kind, "subject", subject, "role", role));
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        int status = bootstrapAdmin().body(body).post("/api/v1/role-bindings").statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("binding " + body + " answered " + status);
        }
    }

    public static void platformAdminsGroupIsPlatformAdmin() {
        bind("group", "platform-admins", "platform-admin", null);
    }

    public static String source(String tenant, String name, String url) {
        return bootstrapAdmin().body(Map.of("tenant", tenant, "name", name, "url", url, "ref", "main"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    public static String assignment(String tenant, String name, String source, String namespace,
            Map<String, Object> selector) {
        return bootstrapAdmin().body(Map.of("tenant", tenant, "name", name, "source", source, "path", "apps/" + name,
                        "namespace", namespace, "selector", selector))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("id");
    }

    /** A registered cluster: returns {@code [clusterId, agentCredential]}. */
    public static String[] registeredCluster(String name, Map<String, String> labels) {
        String token = registrationToken(name, labels);
        Response registration = Api.anonymous().body(Map.of("token", token, "agentVersion", "test",
                "kubernetesVersion", "v1.20.2")).post("/api/v1/agents/register");
        registration.then().statusCode(200);
        return new String[] { registration.path("clusterId"), registration.path("credential") };
    }

    public static String registrationToken(String clusterName, Map<String, String> labels) {
        return bootstrapAdmin().body(Map.of("clusterName", clusterName, "labels", labels, "ttl", "10m"))
                .post("/api/v1/registration-tokens").then().statusCode(201).extract().path("token");
    }
}
