package io.gitfleet.api.cluster;

import static io.gitfleet.api.support.Api.as;
import static io.gitfleet.api.support.Api.bootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.gitfleet.api.support.Fixture;
import io.gitfleet.api.support.Names;
import io.gitfleet.common.selector.LabelSelector;
import io.gitfleet.testsupport.keycloak.KeycloakService;
import io.gitfleet.testsupport.quarkus.InjectService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fleet list filters in SQL exactly as the shared selector matcher does in memory. */
@QuarkusTest
class ClusterApiTest {

    private static final String FLEET = Names.unique("fl");
    private static final Map<String, Map<String, String>> CLUSTERS = new HashMap<>();

    @InjectService
    KeycloakService keycloak;

    /** Runs once, but after Quarkus has started (a static @BeforeAll would run before the app listens). */
    @BeforeEach
    void fleet() {
        if (!CLUSTERS.isEmpty()) {
            return;
        }
        String[] envs = { "prod", "dev", "stage" };
        String[] regions = { "eu", "us", "ap" };
        for (int i = 0; i < 18; i++) {
            Map<String, String> labels = new HashMap<>();
            labels.put("fleet", FLEET);
            labels.put("env", envs[i % 3]);
            if (i % 4 != 0) {
                labels.put("region", regions[i % 3 == 0 ? i % 2 : (i / 3) % 3]);
            }
            if (i % 5 == 0) {
                labels.put("canary", "true");
            }
            String name = FLEET + "-" + (char) ('a' + i);
            Fixture.registrationToken(name, labels);
            CLUSTERS.put(name, labels);
        }
    }

    static Stream<String> selectors() {
        return Stream.of("", "env=prod", "env!=prod", "region in (eu,us)", "region notin (eu)", "canary", "!canary",
                "env=prod,region in (eu,us),!canary", "region", "!region,env in (dev,stage)", "env=prod,env=dev");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("selectors")
    void databaseFilteringAgreesWithTheSharedMatcher(String selector) {
        String full = "fleet=" + FLEET + (selector.isEmpty() ? "" : "," + selector);
        List<String> expected = CLUSTERS.entrySet().stream()
                .filter(e -> LabelSelector.parse(full).matches(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();

        Response page = bootstrapAdmin().queryParam("selector", full).queryParam("size", 100)
                .get("/api/v1/clusters");
        page.then().statusCode(200);

        assertThat(page.<List<String>>path("items.name")).containsExactlyElementsOf(expected);
        assertThat(page.<Integer>path("total")).isEqualTo(expected.size());
    }

    @Test
    void pagesAreDisjointAndSorted() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Response response = bootstrapAdmin().queryParam("selector", "fleet=" + FLEET)
                    .queryParam("sort", "-name").queryParam("page", page).queryParam("size", 5)
                    .get("/api/v1/clusters");
            response.then().statusCode(200).body("total", equalTo(18)).body("size", equalTo(5));
            seen.addAll(response.path("items.name"));
        }
        assertThat(seen).hasSize(18).doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersByNameAndState() {
        bootstrapAdmin().queryParam("name", FLEET + "-c").get("/api/v1/clusters").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo(FLEET + "-c"));
        bootstrapAdmin().queryParam("selector", "fleet=" + FLEET).queryParam("state", "Connected")
                .get("/api/v1/clusters").then().body("total", equalTo(0));
        bootstrapAdmin().queryParam("selector", "fleet=" + FLEET).queryParam("state", "pending,Offline")
                .get("/api/v1/clusters").then().body("total", equalTo(18));
    }

    @Test
    void badFiltersNameTheParameter() {
        bootstrapAdmin().queryParam("selector", "env in (eu").get("/api/v1/clusters").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("selector"));
        bootstrapAdmin().queryParam("state", "Sleeping").queryParam("sort", "labels")
                .get("/api/v1/clusters").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("state", "sort"));
        bootstrapAdmin().queryParam("size", 501).get("/api/v1/clusters").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void labelsAreReplacedByPlatformAdminsOnly() {
        String[] cluster = Fixture.registeredCluster(Names.unique("lbl"), Map.of("env", "dev"));
        Fixture.platformAdminsGroupIsPlatformAdmin();
        String tenant = Names.unique("lt");
        Fixture.tenant(tenant, "ns");
        Fixture.bind("user", "erin", "viewer", tenant);

        as(keycloak, "erin").get("/api/v1/clusters/" + cluster[0]).then().statusCode(200);
        as(keycloak, "erin").body(Map.of("labels", Map.of("env", "prod")))
                .put("/api/v1/clusters/" + cluster[0] + "/labels").then().statusCode(403);
        as(keycloak, "admin").body(Map.of("labels", Map.of("env", "prod", "example.com/tier", "gold")))
                .put("/api/v1/clusters/" + cluster[0] + "/labels").then().statusCode(200)
                .body("labels.env", equalTo("prod"));
        as(keycloak, "admin").body(Map.of("labels", Map.of("bad key", "x")))
                .put("/api/v1/clusters/" + cluster[0] + "/labels").then().statusCode(400)
                .body("errors[0].field", equalTo("labels.bad key"));

        as(keycloak, "admin").delete("/api/v1/clusters/" + cluster[0]).then().statusCode(204);
        as(keycloak, "admin").get("/api/v1/clusters/" + cluster[0]).then().statusCode(404);
    }
}
