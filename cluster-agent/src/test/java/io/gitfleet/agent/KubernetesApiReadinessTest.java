package io.gitfleet.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.gitfleet.testsupport.quarkus.KubeApiTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The agent against a real kube-apiserver from test-support. */
@QuarkusTest
@QuarkusTestResource(value = KubeApiTestResource.class, restrictToAnnotatedClass = true)
class KubernetesApiReadinessTest {

    @Test
    void readyWhenTheApiServerAnswers() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kubernetes-api' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kubernetes-api' }.data.version", equalTo("v1.20.2"));
    }

    @Test
    void metricsAreServedForPrometheus() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }

    @Test
    void livenessDoesNotDependOnTheCluster() {
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("kubernetes-api")));
    }
}
