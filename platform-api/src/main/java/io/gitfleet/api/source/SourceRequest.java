package io.gitfleet.api.source;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.api.web.Durations;
import io.gitfleet.common.DnsLabel;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or replace a source. Omitting {@code credentials} on update keeps the stored ones. */
@Schema(name = "SourceRequest", example = """
        {"tenant":"team-a","name":"apps","url":"https://git.example.com/team-a/apps.git","ref":"main",
         "pollInterval":"1m","credentials":{"kind":"https-token","username":"git","token":"ghp_..."}}""")
public record SourceRequest(String tenant, String name, String url, String ref,
        @Schema(description = "How often the ref is resolved: 15s to 24h; default gitfleet.sources.default-poll-interval")
        String pollInterval, SourceCredentialsRequest credentials) {

    Duration validated(Duration defaultInterval, Duration minInterval) {
        Violations violations = new Violations()
                .check("tenant", DnsLabel.problem(tenant))
                .check("name", DnsLabel.problem(name))
                .check("url", SourceUrls.problem(url))
                .check("ref", GitRefs.problem(ref));
        Duration interval = pollInterval == null ? defaultInterval : Durations.parseOrNull(pollInterval);
        if (interval == null || interval.compareTo(minInterval) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
            violations.check("pollInterval", "must be a duration from " + Durations.format(minInterval) + " to 24h");
        }
        if (credentials != null) {
            credentials.validate(violations.isValid("url") ? url : null, violations);
        }
        violations.throwIfAny();
        return interval;
    }
}
