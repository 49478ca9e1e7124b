package io.followup.enrollment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** An event of a batch with the outcome it will have once claimed. */
    record Claim(String eventId, String type, String outcome, String detail) {
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
        return Optional.ofNullable(handledEvents(tenantId, List.of(eventId)).get(eventId));
    }

    /**
     * Claims the event IDs of a batch with their outcomes, as {@link #claimEvent} and {@link #recordOutcome} would one
     * by one in one transaction. Sorted by ID, so two batches sharing IDs wait for each other rather than deadlock.
     *
     * @return the IDs claimed; the others were handled before (or are being handled by a concurrent request)
     */
    Set<String> claimEvents(UUID tenantId, List<Claim> claims, Instant now) {
        List<Claim> sorted = claims.stream().sorted(Comparator.comparing(Claim::eventId)).toList();
        Set<String> claimed = new HashSet<>();
        jdbc.query("""
                INSERT INTO lead_event (tenant_id, event_id, type, outcome, detail, received_at)
                SELECT ?, t.event_id, t.type, t.outcome, t.detail, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS t(event_id, type, outcome, detail)
                ON CONFLICT (tenant_id, event_id) DO NOTHING
                RETURNING event_id
                """, rs -> {
                    claimed.add(rs.getString(1));
                }, tenantId, ts(now),
                sorted.stream().map(Claim::eventId).toArray(String[]::new),
                sorted.stream().map(Claim::type).toArray(String[]::new),
                sorted.stream().map(Claim::outcome).toArray(String[]::new),
                sorted.stream().map(claim -> ColumnText.fit(claim.detail(), MAX_DETAIL)).toArray(String[]::new));
        return claimed;
    }

    /** The first outcomes of the events among {@code eventIds} that were handled before. */
    Map<String, HandledEvent> handledEvents(UUID tenantId, List<String> eventIds) {
        Map<String, HandledEvent> handled = new HashMap<>();
        jdbc.query("SELECT event_id, outcome, detail FROM lead_event WHERE tenant_id = ? AND event_id = ANY (?::text[])",
                rs -> {
                    handled.put(rs.getString(1), new HandledEvent(rs.getString(2), rs.getString(3)));
                }, tenantId, eventIds.toArray(String[]::new));
        return handled;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
