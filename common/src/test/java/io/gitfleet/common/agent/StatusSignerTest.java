package io.gitfleet.common.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusSignerTest {

    private static final UUID CLUSTER = UUID.fromString("5d1c2a77-7a8e-4d8e-9c2b-1f6f8a9e0c11");
    private static final String CREDENTIAL = "gfa_" + CLUSTER + ".1.secret";

    @Test
    void onlyTheCredentialHolderProducesAValidTag() {
        StatusEnvelope envelope = StatusSigner.sign(CREDENTIAL, CLUSTER, 42, "2026-11-27T10:00:00Z",
                StatusEnvelope.HEARTBEAT, "{\"assignments\":3}");

        assertThat(StatusSigner.verify(envelope, CREDENTIAL)).isTrue();
        assertThat(StatusSigner.verify(envelope, "gfa_" + CLUSTER + ".2.other")).isFalse();
    }

    @Test
    void anyAlteredFieldBreaksTheTag() {
        StatusEnvelope e = StatusSigner.sign(CREDENTIAL, CLUSTER, 42, "2026-11-27T10:00:00Z",
                StatusEnvelope.HEARTBEAT, "{\"assignments\":3}");

        assertThat(StatusSigner.verify(new StatusEnvelope(e.schemaVersion(), UUID.randomUUID(), e.sequence(),
                e.sentAt(), e.type(), e.payload(), e.tag()), CREDENTIAL)).isFalse();
        assertThat(StatusSigner.verify(new StatusEnvelope(e.schemaVersion(), e.clusterId(), e.sequence() + 1,
                e.sentAt(), e.type(), e.payload(), e.tag()), CREDENTIAL)).isFalse();
        assertThat(StatusSigner.verify(new StatusEnvelope(e.schemaVersion(), e.clusterId(), e.sequence(),
                e.sentAt(), e.type(), "{\"assignments\":4}", e.tag()), CREDENTIAL)).isFalse();
        assertThat(StatusSigner.verify(new StatusEnvelope(e.schemaVersion(), e.clusterId(), e.sequence(),
                e.sentAt(), StatusEnvelope.ASSIGNMENT_STATUS, e.payload(), e.tag()), CREDENTIAL)).isFalse();
        assertThat(StatusSigner.verify(new StatusEnvelope(e.schemaVersion(), e.clusterId(), e.sequence(),
                e.sentAt(), e.type(), e.payload(), null), CREDENTIAL)).isFalse();
    }
}
