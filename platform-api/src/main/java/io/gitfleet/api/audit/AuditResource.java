package io.gitfleet.api.audit;

import io.gitfleet.api.problem.Violations;
import io.gitfleet.api.rbac.Access;
import io.gitfleet.api.rbac.Grants;
import io.gitfleet.api.tenant.Tenant;
import io.gitfleet.api.web.Page;
import io.gitfleet.api.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit log, newest first. Platform roles see everything, including failed agent sign-ins; tenant roles see
 * the events of their tenants only.
 */
@Path("/api/v1/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Append-only record of every change and refused agent access")
public class AuditResource {

    private final Access access;

    public AuditResource(Access access) {
        this.access = access;
    }

    @GET
    @WithSession
    @Operation(summary = "Query the audit log with filters and pagination")
    public Uni<Page<AuditEventView>> query(@QueryParam("tenant") String tenant, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId, @QueryParam("outcome") String outcome,
            @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        Violations violations = new Violations();
        Instant from = instant(violations, "since", since);
        Instant to = instant(violations, "until", until);
        violations.check("outcome", outcome == null || outcome.equals("success") || outcome.equals("denied") ? null
                : "must be 'success' or 'denied'").throwIfAny();
        return access.grants().chain(grants -> scope(grants, tenant).chain(tenantFilter -> {
            List<String> where = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            tenantFilter.apply(where, params);
            add(where, params, "actor", actor);
            add(where, params, "action", action);
            add(where, params, "targetType", targetType);
            add(where, params, "targetId", targetId);
            add(where, params, "outcome", outcome);
            if (from != null) {
                where.add("at >= :since");
                params.put("since", from);
            }
            if (to != null) {
                where.add("at < :until");
                params.put("until", to);
            }
            String query = where.isEmpty() ? "" : String.join(" and ", where);
            PanacheQuery<AuditEvent> events = AuditEvent.find(query, Sort.descending("at", "id"), params)
                    .page(pageRequest.page(), pageRequest.size());
            return events.list().chain(list -> events.count().map(total -> new Page<>(
                    list.stream().map(AuditEventView::of).toList(), pageRequest.page(), pageRequest.size(), total)));
        }));
    }

    /** Narrows the query to what the caller may see. */
    private interface TenantFilter {
        void apply(List<String> where, Map<String, Object> params);
    }

    private static Uni<TenantFilter> scope(Grants grants, String tenant) {
        if (tenant != null) {
            return Tenant.require(tenant).map(t -> {
                Access.requireRead(grants, t.id, "tenant", tenant);
                return (where, params) -> {
                    where.add("tenantId = :tenant");
                    params.put("tenant", t.id);
                };
            });
        }
        if (grants.canReadPlatform()) {
            return Uni.createFrom().item((where, params) -> { });
        }
        List<UUID> mine = List.copyOf(grants.tenantsWithRoles());
        return Uni.createFrom().item((where, params) -> {
            where.add(mine.isEmpty() ? "1 = 0" : "tenantId in :mine");
            if (!mine.isEmpty()) {
                params.put("mine", mine);
            }
        });
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    private static Instant instant(Violations violations, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.check(field, "must be an ISO-8601 instant such as 2026-11-27T10:00:00Z");
            return null;
        }
    }
}
