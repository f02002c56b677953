package io.gitfleet.api.problem;

import static io.gitfleet.api.support.Api.anonymous;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every malformed request gets 400 with a problem document that says what is wrong; none reaches a 500. */
@QuarkusTest
class BadInputTest {

    @Test
    void malformedJsonIsAProblemWithItsPosition() {
        bootstrapAdmin().body("{\"name\": \"x\",\n \"namespaces\": [").post("/api/v1/tenants").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://gitfleet.io/problems/malformed-json"))
                .body("detail", startsWith("the request body is not valid JSON at line 2"));
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        bootstrapAdmin().body(Map.of("name", "x", "namespaces", java.util.List.of(), "owner", "me"))
                .post("/api/v1/tenants").then().statusCode(400)
                .body("type", equalTo("https://gitfleet.io/problems/invalid-input"))
                .body("errors[0].field", equalTo("owner"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void wrongTypesNameTheField() {
        bootstrapAdmin().body("{\"tenant\":\"t\",\"name\":\"n\",\"source\":\"s\",\"path\":\"p\",\"namespace\":\"n\","
                        + "\"selector\":{},\"policy\":{\"prune\":\"sometimes\"}}")
                .post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("policy.prune"));
    }

    @Test
    void overLongNamesAreRefused() {
        bootstrapAdmin().body(Map.of("name", "a".repeat(64))).post("/api/v1/tenants").then().statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must be at most 63 characters"));
        bootstrapAdmin().body(Map.of("clusterName", "c".repeat(300))).post("/api/v1/registration-tokens").then()
                .statusCode(400).body("errors[0].field", equalTo("clusterName"));
    }

    @Test
    void missingBodiesAndUnknownRoutesAreProblemsToo() {
        bootstrapAdmin().post("/api/v1/tenants").then().statusCode(400).body("errors[0].field", equalTo("body"));
        bootstrapAdmin().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
        bootstrapAdmin().get("/api/v1/clusters/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        bootstrapAdmin().contentType("text/plain").body("x").post("/api/v1/tenants").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void noCredentialIsA401Problem() {
        anonymous().get("/api/v1/tenants").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        io.restassured.RestAssured.given().auth().preemptive().basic("admin", "wrong").get("/api/v1/tenants").then()
                .statusCode(401).contentType("application/problem+json");
        io.restassured.RestAssured.given().auth().oauth2("not-a-jwt").get("/api/v1/tenants").then()
                .statusCode(401);
    }
}
