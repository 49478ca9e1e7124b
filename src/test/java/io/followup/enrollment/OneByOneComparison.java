package io.followup.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.followup.web.InvalidRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-event path as the yardstick of batches: events handled one by one as the intake did before batches were
 * taken together, and what a tenant's events answered and left in the database, comparable across tenants.
 */
final class OneByOneComparison {

    private final EnrollmentService service;
    private final JsonMapper appJson;
    private final JdbcTemplate jdbc;

    OneByOneComparison(EnrollmentService service, JsonMapper appJson, JdbcTemplate jdbc) {
        this.service = service;
        this.appJson = appJson;
        this.jdbc = jdbc;
    }

    /** The events as the intake handled them before batches were taken together: each on its own, in order. */
    JsonNode perEvent(UUID tenantId, String body) {
        List<EventResult> results = new ArrayList<>();
        for (JsonNode node : appJson.readTree(body)) {
            LeadEventRequest event = appJson.treeToValue(node, LeadEventRequest.class);
            try {
                try {
                    results.add(service.handle(tenantId, event));
                }
                catch (DataIntegrityViolationException ex) {
                    results.add(service.handle(tenantId, event));
                }
            }
            catch (InvalidRequestException ex) {
                results.add(EventResult.rejected(event.eventId(), ex.details()));
            }
        }
        return appJson.valueToTree(results);
    }

    /** Each result as one line, its enrollment named by its lead (enrollment IDs differ between tenants). */
    List<String> readable(UUID tenantId, JsonNode results) {
        List<String> lines = new ArrayList<>();
        for (JsonNode result : results) {
            String lead = result.has("enrollment_id") ? jdbc.queryForObject("select lead_id from enrollment where tenant_id = ? and id = ?",
                    String.class, tenantId, UUID.fromString(result.get("enrollment_id").asString())) : "-";
            lines.add(String.join(" ", result.path("event_id").asString(), result.get("status").asString(),
                    result.path("outcome").asString("-"), lead, result.path("detail").asString("-"),
                    result.has("errors") ? new TreeMap<>(appJson.treeToValue(result.get("errors"), Map.class)).toString() : ""));
        }
        return lines;
    }

    /** What the events left in the database, without what differs by tenant or by the moment of writing. */
    List<Map<String, Object>> rows(UUID tenantId) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("""
                select 'enrollment' as row, lead_id, channel_id, lead_phone, app_id, status, stop_reason, trigger_status_id::text,
                    trigger_status_ids::text, triggered_at, lead, current_step, finished_at is null as running,
                    (select jsonb_agg(s - 'job_id' - 'finished_at' order by (s ->> 'number')::int) from jsonb_array_elements(steps) s)::text as steps,
                    (select j.status || ' ' || j.run_at from job j where j.id = (steps -> 0 ->> 'job_id')::bigint) as first_job
                from enrollment where tenant_id = ? order by lead_id, created_at
                """, tenantId));
        rows.addAll(jdbc.queryForList("select 'event' as row, event_id, type, outcome, detail from lead_event where tenant_id = ? order by event_id",
                tenantId));
        rows.addAll(jdbc.queryForList("select 'window' as row, channel_id, lead_id, last_inbound_at from lead_window where tenant_id = ? order by lead_id",
                tenantId));
        rows.addAll(jdbc.queryForList("select 'opt-out' as row, channel_id, lead_id, source from lead_opt_out where tenant_id = ? order by lead_id",
                tenantId));
        return rows;
    }
}
