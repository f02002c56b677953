package io.gitfleet.api.registration;

import io.gitfleet.api.cluster.ClusterLabelsRequest;
import io.gitfleet.api.problem.Violations;
import io.gitfleet.api.web.Durations;
import io.gitfleet.common.DnsLabel;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ask for a token that registers {@code clusterName}. A new name creates the cluster as Pending with
 * {@code labels}; an existing (not revoked) cluster keeps its labels and is re-registered, which kills the
 * credential of its previous agent.
 */
@Schema(name = "RegistrationTokenRequest", example = """
        {"clusterName":"prod-eu-1","labels":{"env":"prod","region":"eu"},"ttl":"1h"}""")
public record RegistrationTokenRequest(String clusterName, Map<String, String> labels,
        @Schema(description = "Lifetime: 30m, 1h, PT2H; default 1h, at most gitfleet.registration.max-ttl") String ttl) {

    Duration validatedTtl(Duration defaultTtl, Duration maxTtl) {
        Violations violations = new Violations().check("clusterName", DnsLabel.problem(clusterName));
        Duration parsed = ttl == null ? defaultTtl : Durations.parseOrNull(ttl);
        if (parsed == null) {
            violations.check("ttl", "must be a duration such as 30m, 1h or PT1H");
        } else if (parsed.isNegative() || parsed.isZero() || parsed.compareTo(maxTtl) > 0) {
            violations.check("ttl", "must be more than 0 and at most " + Durations.format(maxTtl));
        }
        violations.throwIfAny();
        ClusterLabelsRequest.validate("labels", labels);
        return parsed;
    }
}
