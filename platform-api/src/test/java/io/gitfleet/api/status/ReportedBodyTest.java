package io.gitfleet.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.DriftedObject;
import io.gitfleet.common.agent.Health;
import io.gitfleet.common.agent.ObjectStatus;
import io.gitfleet.common.agent.SyncPhase;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportedBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final UUID ASSIGNMENT = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @Test
    void cutsInventoryAndDriftOutOfThePayloadAsSent() throws IOException {
        AssignmentStatus status = status(Health.Healthy, "unchanged", List.of(new DriftedObject("apps", "Deployment",
                "web", "web", List.of("/spec/replicas"), false, true)), Instant.parse("2026-11-27T10:00:00Z"));
        String payload = JSON.writeValueAsString(status);

        ReportedBody body = ReportedBody.of(JSON.getFactory(), payload, status);

        assertThat(JSON.readTree(body.inventory())).isEqualTo(JSON.readTree(payload).get("inventory"));
        assertThat(JSON.readTree(body.drift())).isEqualTo(JSON.readTree(payload).get("drift"));
        assertThat(payload).contains(body.inventory()).contains(body.drift());
    }

    @Test
    void aFieldNamedInventoryInsideAnObjectIsNotTheInventory() throws IOException {
        String payload = "{\"message\":\"x\",\"nested\":{\"inventory\":[1,2]},\"inventory\":[{\"kind\":\"ConfigMap\","
                + "\"name\":\"a [b]\"}] , \"drift\" : [ ] }";
        ReportedBody body = ReportedBody.of(JSON.getFactory(), payload, status(Health.Healthy, "unchanged", List.of(),
                null));

        assertThat(body.inventory()).isEqualTo("[{\"kind\":\"ConfigMap\",\"name\":\"a [b]\"}]");
        assertThat(body.drift()).isEqualTo("[ ]");
    }

    @Test
    void missingArraysReadAsEmpty() throws IOException {
        ReportedBody body = ReportedBody.of(JSON.getFactory(), "{\"phase\":\"Synced\"}", status(Health.Healthy,
                "unchanged", List.of(), null));

        assertThat(body.inventory()).isEqualTo("[]");
        assertThat(body.drift()).isEqualTo("[]");
    }

    @Test
    void aResyncThatChangedNothingHasTheSameDigestWhateverItsTimes() throws IOException {
        ReportedBody first = body(status(Health.Healthy, "unchanged", List.of(), Instant.parse("2026-11-27T10:00:00Z")));
        ReportedBody again = body(status(Health.Healthy, "unchanged", List.of(), Instant.parse("2026-11-27T10:03:00Z")));

        assertThat(again.sameAs(first.digest())).isTrue();
        assertThat(first.sameAs(null)).as("a row stored before digests existed is never a repeat").isFalse();
    }

    @Test
    void anyVisibleDifferenceChangesTheDigest() throws IOException {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        ReportedBody stored = body(status(Health.Healthy, "unchanged", List.of(), at));

        assertThat(body(status(Health.Degraded, "unchanged", List.of(), at)).sameAs(stored.digest())).isFalse();
        assertThat(body(status(Health.Healthy, "configured", List.of(), at)).sameAs(stored.digest()))
                .as("an object's action changed, the roll-up did not").isFalse();
        assertThat(body(status(Health.Healthy, "unchanged", List.of(new DriftedObject("", "ConfigMap", "web", "s",
                List.of("/data/a"), false, false)), at)).sameAs(stored.digest())).isFalse();
        AssignmentStatus base = status(Health.Healthy, "unchanged", List.of(), at);
        AssignmentStatus otherMessage = new AssignmentStatus(ASSIGNMENT, base.generation(), base.desiredRevision(),
                base.appliedRevision(), base.phase(), base.health(), "web.yaml:3: bad indentation", base.inventory(),
                base.drift(), at, at);
        assertThat(body(otherMessage).sameAs(stored.digest())).isFalse();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> ReportedBody.of(JSON.getFactory(), "[1]", status(Health.Healthy, "unchanged",
                List.of(), null))).isInstanceOf(IOException.class).hasMessageContaining("not a JSON object");
    }

    private static ReportedBody body(AssignmentStatus status) throws IOException {
        return ReportedBody.of(JSON.getFactory(), JSON.writeValueAsString(status), status);
    }

    private static AssignmentStatus status(Health health, String action, List<DriftedObject> drift, Instant at) {
        return new AssignmentStatus(ASSIGNMENT, 3, "9fceb02d", "9fceb02d", SyncPhase.Synced, health, null,
                List.of(new ObjectStatus("apps", "Deployment", "web", "web", action, health, null)), drift, at, at);
    }
}
