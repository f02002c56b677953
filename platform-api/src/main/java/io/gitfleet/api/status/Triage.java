package io.gitfleet.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import io.gitfleet.api.cluster.ClusterState;
import io.gitfleet.common.agent.AssignmentStatus;
import io.gitfleet.common.agent.Heartbeat;
import io.gitfleet.common.agent.StatusEnvelope;
import io.gitfleet.common.agent.StatusSigner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Decides, for a batch of records in partition order, which messages are trusted and new. Pure: the clusters'
 * trust facts come in, accepted and dropped messages come out, so every rule is tested without a broker. A message
 * counts only if it parses as a known schema, names the cluster its key names, verifies with that cluster's current
 * credential, the cluster is not revoked, and its sequence is newer than everything accepted before for that
 * cluster — including earlier messages of the same batch.
 */
public final class Triage {

    private final ObjectMapper json;
    private final ObjectReader statusFacts;
    private final BiFunction<UUID, Integer, String> credentialOf;

    public Triage(ObjectMapper json, BiFunction<UUID, Integer, String> credentialOf) {
        this.json = json;
        // The inventory (the bulk of a status) is stored as the agent sent it, straight from the payload text:
        // parsing it into objects only to write it back out was most of the ingestion cost.
        this.statusFacts = json.copy().addMixIn(AssignmentStatus.class, WithoutInventory.class)
                .readerFor(AssignmentStatus.class);
        this.credentialOf = credentialOf;
    }

    @JsonIgnoreProperties({"inventory"})
    private abstract static class WithoutInventory {
    }

    /**
     * A trusted message: the envelope and its payload, exactly one of heartbeat or status set. A status carries
     * no inventory here; the inventory stays in {@code envelope.payload()}.
     */
    public record Accepted(StatusRecord record, StatusEnvelope envelope, Heartbeat heartbeat,
            AssignmentStatus status) {
    }

    public record Dropped(StatusRecord record, UUID clusterId, DropReason reason, String detail) {
    }

    public record Result(List<Accepted> accepted, List<Dropped> dropped) {
    }

    /** A record and its envelope, when it parses as one. */
    public record Parsed(StatusRecord record, Optional<StatusEnvelope> envelope) {
    }

    public List<Parsed> parse(List<StatusRecord> records) {
        return records.stream().map(r -> new Parsed(r, envelope(r))).toList();
    }

    /** The cluster ids a batch names, so their trust facts can be loaded in one query before {@link #sort}. */
    public Set<UUID> clusterIds(List<Parsed> batch) {
        Set<UUID> ids = new HashSet<>();
        batch.forEach(p -> p.envelope().map(StatusEnvelope::clusterId).ifPresent(ids::add));
        return ids;
    }

    public Result sort(List<Parsed> batch, Map<UUID, ClusterTrust> clusters) {
        List<Accepted> accepted = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        Map<UUID, Long> newest = new HashMap<>();
        for (Parsed item : batch) {
            StatusRecord record = item.record();
            Optional<StatusEnvelope> parsed = item.envelope();
            if (parsed.isEmpty() || parsed.get().clusterId() == null || parsed.get().type() == null
                    || parsed.get().payload() == null || parsed.get().tag() == null) {
                dropped.add(new Dropped(record, null, DropReason.MALFORMED, "not a status envelope"));
                continue;
            }
            StatusEnvelope envelope = parsed.get();
            UUID cluster = envelope.clusterId();
            if (envelope.schemaVersion() != StatusEnvelope.SCHEMA_VERSION
                    || !Set.of(StatusEnvelope.HEARTBEAT, StatusEnvelope.ASSIGNMENT_STATUS).contains(envelope.type())) {
                dropped.add(new Dropped(record, cluster, DropReason.UNKNOWN_SCHEMA, "schema version "
                        + envelope.schemaVersion() + ", type '" + envelope.type() + "'"));
                continue;
            }
            ClusterTrust trust = clusters.get(cluster);
            if (trust == null) {
                dropped.add(new Dropped(record, cluster, DropReason.UNKNOWN_CLUSTER, "no such cluster"));
                continue;
            }
            if (!cluster.toString().equals(record.key())
                    || !StatusSigner.verify(envelope, credentialOf.apply(cluster, trust.generation()))) {
                dropped.add(new Dropped(record, cluster, DropReason.FORGED, cluster.toString().equals(record.key())
                        ? "tag does not verify with the cluster's credential"
                        : "record key '" + record.key() + "' names another cluster"));
                continue;
            }
            if (trust.state() == ClusterState.Revoked) {
                dropped.add(new Dropped(record, cluster, DropReason.REVOKED, "cluster is revoked"));
                continue;
            }
            long last = newest.getOrDefault(cluster, trust.lastSequence());
            if (envelope.sequence() <= last) {
                dropped.add(new Dropped(record, cluster, DropReason.STALE, "sequence " + envelope.sequence()
                        + " is not after " + last));
                continue;
            }
            try {
                accepted.add(envelope.type().equals(StatusEnvelope.HEARTBEAT)
                        ? new Accepted(record, envelope, json.readValue(envelope.payload(), Heartbeat.class), null)
                        : new Accepted(record, envelope, null,
                                statusFacts.readValue(envelope.payload())));
                newest.put(cluster, envelope.sequence());
            } catch (IOException e) {
                dropped.add(new Dropped(record, cluster, DropReason.MALFORMED, "payload of a " + envelope.type()
                        + " does not parse: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage()
                                : e.getMessage())));
            }
        }
        return new Result(accepted, dropped);
    }

    private Optional<StatusEnvelope> envelope(StatusRecord record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(record.value(), StatusEnvelope.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
