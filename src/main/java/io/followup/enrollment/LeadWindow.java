package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
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

    /** A lead's last inbound time on a channel, as an event of a batch gave it. */
    record Inbound(String channelId, String leadId, Instant at) {
    }

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
        inboundAtAll(tenantId, List.of(new Inbound(channelId, leadId, given)));
    }

    /**
     * {@link #inboundAt} for the leads of a batch in one statement; each (channel, lead) at most once, since one
     * statement cannot update a row twice. Sorted, so that batches sharing leads wait for each other, never deadlock.
     */
    void inboundAtAll(UUID tenantId, List<Inbound> inbounds) {
        if (inbounds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Inbound> sorted = inbounds.stream()
                .sorted(Comparator.comparing(Inbound::channelId).thenComparing(Inbound::leadId)).toList();
        jdbc.update("""
                INSERT INTO lead_window (tenant_id, channel_id, lead_id, last_inbound_at)
                SELECT ?, t.channel_id, t.lead_id, t.at::timestamptz FROM unnest(?::text[], ?::text[], ?::text[]) AS t(channel_id, lead_id, at)
                ON CONFLICT (tenant_id, channel_id, lead_id)
                DO UPDATE SET last_inbound_at = greatest(lead_window.last_inbound_at, excluded.last_inbound_at)
                """, tenantId, sorted.stream().map(Inbound::channelId).toArray(String[]::new),
                sorted.stream().map(Inbound::leadId).toArray(String[]::new),
                sorted.stream().map(inbound -> notAfterNow(inbound.at(), now).toString()).toArray(String[]::new));
    }

    Optional<Instant> lastInboundAt(UUID tenantId, String channelId, String leadId) {
        return jdbc.query("SELECT last_inbound_at FROM lead_window WHERE tenant_id = ? AND channel_id = ? AND lead_id = ?",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant(), tenantId, channelId, leadId).stream().findFirst();
    }

    private static Instant notAfterNow(Instant given, Instant now) {
        return given.isAfter(now) ? now : given;
    }
}
