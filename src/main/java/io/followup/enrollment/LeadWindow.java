package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * When each lead last wrote to each business number: WhatsApp's 24-hour customer service window starts at the
 * user's last message and belongs to that conversation (https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages;
 * Gupshup: https://docs.gupshup.io/docs/session-messages-1), so it is kept per (tenant, channel, lead).
 */
@Repository
class LeadWindow {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LeadWindow(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Keeps the latest of the known and the given time: events and callbacks arrive out of order. A time later than
     * now (a sender's clock ahead, a typo) counts as now: kept as given it would hold the window open long after the
     * lead's real 24 hours, and since the time never moves back, nothing could close it again.
     */
    void inboundAt(UUID tenantId, String channelId, String leadId, Instant given) {
        Instant now = clock.instant();
        Instant at = given.isAfter(now) ? now : given;
        jdbc.update("""
                INSERT INTO lead_window (tenant_id, channel_id, lead_id, last_inbound_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, channel_id, lead_id)
                DO UPDATE SET last_inbound_at = greatest(lead_window.last_inbound_at, excluded.last_inbound_at)
                """, tenantId, channelId, leadId, at.atOffset(ZoneOffset.UTC));
    }

    Optional<Instant> lastInboundAt(UUID tenantId, String channelId, String leadId) {
        return jdbc.query("SELECT last_inbound_at FROM lead_window WHERE tenant_id = ? AND channel_id = ? AND lead_id = ?",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant(), tenantId, channelId, leadId).stream().findFirst();
    }
}
