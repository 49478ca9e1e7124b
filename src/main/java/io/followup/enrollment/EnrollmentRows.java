package io.followup.enrollment;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code enrollment} rows of a batch of events, read and written in one statement each, for {@link EventBatch}.
 * A row written here is the row Hibernate writes for the same {@link Enrollment}: the entity is built by its
 * constructor and every column is taken from it.
 */
@Repository
class EnrollmentRows {

    /** A lead of an assistant: what at most one running enrollment belongs to (uq_enrollment_active_lead). */
    record AssistantLead(UUID assistantId, String leadId) {
    }

    private static final StatusConverter STATUS = new StatusConverter();

    private final JdbcTemplate jdbc;

    /**
     * Writes the jsonb columns. A plain mapper rather than the application's: that one is set to refuse unknown
     * properties when reading, which writing does not need; both honour the annotations of {@link EnrollmentStep}, so
     * the JSON is what Hibernate's own mapper writes and reads back.
     */
    private final JsonMapper json = JsonMapper.builder().build();

    EnrollmentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Those of {@code leads} with a running enrollment. The condition is on each column alone, which the index of
     * running enrollments answers; a join with the pairs would be planned for rows unnest cannot count, as a scan of
     * every enrollment. The pairs are matched here.
     */
    Set<AssistantLead> running(UUID tenantId, List<AssistantLead> leads) {
        Set<AssistantLead> wanted = Set.copyOf(leads);
        Set<AssistantLead> running = new HashSet<>();
        jdbc.query("""
                SELECT assistant_id, lead_id FROM enrollment
                WHERE tenant_id = ? AND assistant_id = ANY (?::uuid[]) AND lead_id = ANY (?::text[]) AND status = 'active'
                """, rs -> {
                    AssistantLead lead = new AssistantLead(rs.getObject(1, UUID.class), rs.getString(2));
                    if (wanted.contains(lead)) {
                        running.add(lead);
                    }
                }, tenantId, leads.stream().map(lead -> lead.assistantId().toString()).distinct().toArray(String[]::new),
                leads.stream().map(AssistantLead::leadId).toArray(String[]::new));
        return running;
    }

    /**
     * Inserts new enrollments, their current step already scheduled. Sorted by lead, so that two batches enrolling
     * the same leads wait for each other on uq_enrollment_active_lead rather than deadlock.
     */
    void insertAll(List<Enrollment> enrollments) {
        if (enrollments.isEmpty()) {
            return;
        }
        List<Enrollment> sorted = enrollments.stream()
                .sorted(Comparator.comparing(Enrollment::getAssistantId).thenComparing(Enrollment::getLeadId)).toList();
        jdbc.update("""
                INSERT INTO enrollment (id, tenant_id, assistant_id, lead_id, channel_id, lead_phone, app_id, config_id, status,
                    trigger_status_id, trigger_status_ids, triggered_at, lead, steps, current_step, version, created_at, updated_at)
                SELECT t.id::uuid, t.tenant_id::uuid, t.assistant_id::uuid, t.lead_id, t.channel_id, t.lead_phone, t.app_id,
                    t.config_id::uuid, t.status, t.trigger_status_id::uuid, t.trigger_status_ids::uuid[], t.triggered_at::timestamptz,
                    t.lead::jsonb, t.steps::jsonb, t.current_step::integer, t.version::bigint, t.created_at::timestamptz,
                    t.updated_at::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(id, tenant_id, assistant_id, lead_id, channel_id, lead_phone, app_id, config_id, status,
                    trigger_status_id, trigger_status_ids, triggered_at, lead, steps, current_step, version, created_at, updated_at)
                """,
                column(sorted, e -> e.getId().toString()),
                column(sorted, e -> e.getTenantId().toString()),
                column(sorted, e -> e.getAssistantId().toString()),
                column(sorted, Enrollment::getLeadId),
                column(sorted, Enrollment::getChannelId),
                column(sorted, Enrollment::getLeadPhone),
                column(sorted, Enrollment::getAppId),
                column(sorted, e -> e.getConfigId().toString()),
                column(sorted, e -> STATUS.convertToDatabaseColumn(e.getStatus())),
                column(sorted, e -> e.getTriggerStatusId().toString()),
                column(sorted, e -> e.getTriggerStatusIds().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"))),
                column(sorted, e -> text(e.getTriggeredAt())),
                column(sorted, e -> json.writeValueAsString(e.getLead())),
                column(sorted, e -> json.writeValueAsString(e.getSteps())),
                column(sorted, e -> Integer.toString(e.getCurrentStep())),
                column(sorted, e -> Long.toString(e.getVersion() == null ? 0 : e.getVersion())),
                column(sorted, e -> text(e.getCreatedAt())),
                column(sorted, e -> text(e.getUpdatedAt())));
    }

    private static String[] column(List<Enrollment> rows, Function<Enrollment, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
