package io.followup.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.followup.text.ColumnText;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code lead_opt_out} rows: who asked for nothing more on which channel, why and when. */
@Repository
class OptOutRecords {

    /** Size of {@code lead_opt_out.detail} (V8); a provider's message is cut to it. A test compares it with the schema. */
    static final int MAX_DETAIL = 500;

    /** One opt-out as stored. */
    record OptOut(String channelId, String leadId, String source, String detail, Instant optedOutAt) {
    }

    /** A lead on a channel: what an opt-out belongs to. */
    record LeadOnChannel(String channelId, String leadId) {
    }

    private final JdbcTemplate jdbc;

    OptOutRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the opt-out; a lead already opted out keeps the first one (its reason and time). @return true when new */
    boolean record(UUID tenantId, String channelId, String leadId, String source, String detail, Instant at) {
        return jdbc.update("""
                INSERT INTO lead_opt_out (tenant_id, channel_id, lead_id, source, detail, opted_out_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, channel_id, lead_id) DO NOTHING
                """, tenantId, channelId, leadId, source, ColumnText.fit(detail, MAX_DETAIL), at.atOffset(ZoneOffset.UTC)) == 1;
    }

    boolean isOptedOut(UUID tenantId, String channelId, String leadId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM lead_opt_out WHERE tenant_id = ? AND channel_id = ? AND lead_id = ?)",
                Boolean.class, tenantId, channelId, leadId));
    }

    /**
     * {@link #isOptedOut} for the leads of a batch in one statement: those of {@code leads} who opted out. Each column
     * is matched alone, which the primary key answers (a join with the pairs may be planned as a scan); the pairs are
     * matched here.
     */
    Set<LeadOnChannel> optedOut(UUID tenantId, List<LeadOnChannel> leads) {
        Set<LeadOnChannel> wanted = Set.copyOf(leads);
        Set<LeadOnChannel> optedOut = new HashSet<>();
        jdbc.query("SELECT channel_id, lead_id FROM lead_opt_out WHERE tenant_id = ? AND channel_id = ANY (?::text[]) AND lead_id = ANY (?::text[])",
                rs -> {
                    LeadOnChannel lead = new LeadOnChannel(rs.getString(1), rs.getString(2));
                    if (wanted.contains(lead)) {
                        optedOut.add(lead);
                    }
                }, tenantId, leads.stream().map(LeadOnChannel::channelId).distinct().toArray(String[]::new),
                leads.stream().map(LeadOnChannel::leadId).toArray(String[]::new));
        return optedOut;
    }

    boolean delete(UUID tenantId, String channelId, String leadId) {
        return jdbc.update("DELETE FROM lead_opt_out WHERE tenant_id = ? AND channel_id = ? AND lead_id = ?",
                tenantId, channelId, leadId) == 1;
    }

    /** The tenant's opt-outs, newest first, optionally of one channel and/or one lead. */
    Page<OptOut> list(UUID tenantId, String channelId, String leadId, Pageable page) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenantId));
        if (channelId != null) {
            where.append(" AND channel_id = ?");
            args.add(channelId);
        }
        if (leadId != null) {
            where.append(" AND lead_id = ?");
            args.add(leadId);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM lead_opt_out" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.getPageSize());
        pageArgs.add(page.getOffset());
        List<OptOut> rows = jdbc.query("SELECT channel_id, lead_id, source, detail, opted_out_at FROM lead_opt_out" + where
                + " ORDER BY opted_out_at DESC, channel_id, lead_id LIMIT ? OFFSET ?", OptOutRecords::row, pageArgs.toArray());
        return new PageImpl<>(rows, page, total == null ? 0 : total);
    }

    private static OptOut row(ResultSet rs, int row) throws SQLException {
        return new OptOut(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
