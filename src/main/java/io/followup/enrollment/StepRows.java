package io.followup.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A step job's reads and writes of its enrollment, in plain SQL. Loading the entity through Hibernate parsed its two
 * jsonb columns, copied them for dirty checking and compared them again at flush: a third of the CPU of a step job.
 * Here the row is read once into an unmanaged {@link Enrollment}, the domain methods change it as they do a managed
 * one, and {@link #update} writes what a step outcome can change, bumping {@code version} as Hibernate would, so a
 * JPA update of the same row elsewhere (always after its own {@code FOR UPDATE}) still sees a change it did not load.
 *
 * <p>The jsonb is the same JSON either way: {@link EnrollmentStep} names its fields with Jackson annotations, which
 * Jackson 2 (Hibernate's) and Jackson 3 (here) both read, and keeps times as ISO 8601 text.
 */
@Repository
class StepRows {

    private static final String COLUMNS = """
            e.id, e.tenant_id, e.assistant_id, e.lead_id, e.channel_id, e.lead_phone, e.app_id, e.config_id, e.status,
            e.stop_reason, e.trigger_status_id, e.trigger_status_ids, e.triggered_at, e.lead::text, e.steps::text,
            e.current_step, e.created_at, e.updated_at, e.finished_at""";
    private static final StatusConverter STATUS = new StatusConverter();
    private static final TypeReference<List<EnrollmentStep>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> LEAD = new TypeReference<>() {
    };

    /**
     * A step still due: what its send needs of its enrollment (running, with it as the current step, scheduled), and
     * whether the lead opted out of the channel meanwhile.
     */
    record Due(UUID enrollmentId, UUID tenantId, UUID assistantId, String leadId, String channelId, Map<String, String> lead,
            EnrollmentStep step, boolean optedOut) {
    }

    private final JdbcTemplate jdbc;
    /**
     * Our own mapper: snapshots stored before a field existed lack it (a missing {@code resends} reads as 0), and one
     * written by a newer version of the service may carry a field this one does not know yet.
     */
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final RowMapper<Enrollment> rows = this::enrollment;

    StepRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Step {@code step} of the enrollment if it is still due, read in one statement with the lead's opt-out and only
     * that step of the snapshot; no transaction (a single read), so no connection state to set and reset.
     */
    Optional<Due> due(UUID enrollmentId, int step) {
        return jdbc.query("""
                SELECT e.tenant_id, e.assistant_id, e.lead_id, e.channel_id, e.lead::text, (e.steps -> (? - 1))::text,
                       EXISTS (SELECT 1 FROM lead_opt_out o
                               WHERE o.tenant_id = e.tenant_id AND o.channel_id = e.channel_id AND o.lead_id = e.lead_id)
                FROM enrollment e
                WHERE e.id = ? AND e.status = 'active' AND e.current_step = ? AND e.steps -> (? - 1) ->> 'state' = ?
                """, (rs, row) -> new Due(enrollmentId, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), json.readValue(rs.getString(5), LEAD),
                        json.readValue(rs.getString(6), EnrollmentStep.class), rs.getBoolean(7)),
                step, enrollmentId, step, step, StepState.SCHEDULED.wire()).stream().findFirst();
    }

    /** The enrollment, locked until the caller's transaction ends. */
    Optional<Enrollment> lock(UUID enrollmentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enrollment e WHERE e.id = ? FOR UPDATE", rows, enrollmentId)
                .stream().findFirst();
    }

    /** Writes back what a step's outcome changes: its status and reason, the steps, the current step and the times. */
    void update(Enrollment enrollment) {
        jdbc.update("""
                UPDATE enrollment SET status = ?, stop_reason = ?, steps = ?::jsonb, current_step = ?, updated_at = ?,
                       finished_at = ?, version = version + 1
                WHERE id = ?
                """, STATUS.convertToDatabaseColumn(enrollment.getStatus()), enrollment.getStopReason(),
                json.writeValueAsString(enrollment.getSteps()), enrollment.getCurrentStep(), ts(enrollment.getUpdatedAt()),
                ts(enrollment.getFinishedAt()), enrollment.getId());
    }

    private Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        return new Enrollment(new StoredEnrollment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, UUID.class), STATUS.convertToEntityAttribute(rs.getString(9)),
                rs.getString(10), rs.getObject(11, UUID.class), (UUID[]) rs.getArray(12).getArray(), instant(rs, 13),
                json.readValue(rs.getString(14), LEAD), json.readValue(rs.getString(15), STEPS), rs.getInt(16),
                instant(rs, 17), instant(rs, 18), instant(rs, 19)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
