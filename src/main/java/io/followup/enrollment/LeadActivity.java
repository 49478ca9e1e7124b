package io.followup.enrollment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.followup.text.ColumnText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Lead events already handled, so a repeated event_id changes nothing. */
@Repository
class LeadActivity {

    /** Size of {@code lead_event.detail} (V4__enrollments.sql); a test compares it with the schema. */
    static final int MAX_DETAIL = 500;

    record HandledEvent(String outcome, String detail) {
    }

    private final JdbcTemplate jdbc;

    LeadActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the event ID; false when it was handled before (or is being handled by a concurrent request). */
    boolean claimEvent(UUID tenantId, String eventId, String type, Instant now) {
        return jdbc.update("""
                INSERT INTO lead_event (tenant_id, event_id, type, outcome, received_at) VALUES (?, ?, ?, 'processing', ?)
                ON CONFLICT (tenant_id, event_id) DO NOTHING
                """, tenantId, eventId, type, ts(now)) == 1;
    }

    void recordOutcome(UUID tenantId, String eventId, String outcome, String detail) {
        jdbc.update("UPDATE lead_event SET outcome = ?, detail = ? WHERE tenant_id = ? AND event_id = ?",
                outcome, ColumnText.fit(detail, MAX_DETAIL), tenantId, eventId);
    }

    Optional<HandledEvent> handledEvent(UUID tenantId, String eventId) {
        return jdbc.query("SELECT outcome, detail FROM lead_event WHERE tenant_id = ? AND event_id = ?",
                (rs, row) -> new HandledEvent(rs.getString(1), rs.getString(2)), tenantId, eventId).stream().findFirst();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
