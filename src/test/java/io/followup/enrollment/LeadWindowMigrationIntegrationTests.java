package io.followup.enrollment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.support.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** V8 on a database with rows: per-assistant message times become per-channel windows; enrollments get phone and app. */
class LeadWindowMigrationIntegrationTests {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID ASSISTANT = UUID.randomUUID();
    private static final UUID OTHER_ASSISTANT = UUID.randomUUID();

    @Test
    void messageTimesMoveToTheChannelsOfTheLeadsEnrollments() {
        try (ScratchDatabase db = ScratchDatabase.create("v8", 2, "7")) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            contact(jdbc, ASSISTANT, "lead-1", "2026-11-30T10:00:00Z");
            contact(jdbc, OTHER_ASSISTANT, "lead-1", "2026-11-30T12:00:00Z");
            contact(jdbc, ASSISTANT, "lead-never-enrolled", "2026-11-30T10:00:00Z");
            UUID stopped = enrollment(jdbc, ASSISTANT, "lead-1", "channel-a", "stopped", "{\"phone\": \"+55 (11) 98888-7777\"}",
                    "[{\"number\": 1, \"app_id\": \"gupshup_app_12345\"}]");
            UUID active = enrollment(jdbc, ASSISTANT, "lead-1", "channel-b", "active", "{\"phone\": \"11 98888-7777\"}",
                    "[{\"number\": 1, \"app_id\": null}]");
            enrollment(jdbc, OTHER_ASSISTANT, "lead-1", "channel-a", "completed", "{}", "[{\"number\": 1}]");

            db.migrateTo("8");

            List<Map<String, Object>> windows = jdbc.queryForList(
                    "SELECT channel_id, lead_id, last_inbound_at FROM lead_window WHERE tenant_id = ? ORDER BY channel_id", TENANT);
            assertThat(windows).hasSize(2);
            assertThat(windows.get(0)).containsEntry("channel_id", "channel-a").containsEntry("lead_id", "lead-1");
            assertThat(((java.sql.Timestamp) windows.get(0).get("last_inbound_at")).toInstant())
                    .as("the latest of the assistants' times").isEqualTo(OffsetDateTime.parse("2026-11-30T12:00:00Z").toInstant());
            assertThat(windows.get(1)).containsEntry("channel_id", "channel-b");
            assertThat(((java.sql.Timestamp) windows.get(1).get("last_inbound_at")).toInstant())
                    .isEqualTo(OffsetDateTime.parse("2026-11-30T10:00:00Z").toInstant());
            assertThat(row(jdbc, stopped)).containsEntry("lead_phone", "+5511988887777").containsEntry("app_id", "gupshup_app_12345");
            assertThat(row(jdbc, active)).as("a national number is no phone to match").containsEntry("lead_phone", null)
                    .containsEntry("app_id", null);
            assertThat(jdbc.queryForObject("SELECT to_regclass('lead_contact') IS NULL", Boolean.class)).isTrue();
        }
    }

    private static void contact(JdbcTemplate jdbc, UUID assistant, String lead, String at) {
        jdbc.update("INSERT INTO lead_contact (tenant_id, assistant_id, lead_id, last_message_at) VALUES (?, ?, ?, ?::timestamptz)",
                TENANT, assistant, lead, at);
    }

    private static UUID enrollment(JdbcTemplate jdbc, UUID assistant, String lead, String channel, String status, String leadData,
            String steps) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO enrollment (id, tenant_id, assistant_id, lead_id, channel_id, config_id, status, trigger_status_id,
                  trigger_status_ids, triggered_at, lead, steps, current_step, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ARRAY[?]::uuid[], now(), ?::jsonb, ?::jsonb, 1, now(), now())
                """, id, TENANT, assistant, lead, channel, UUID.randomUUID(), status, UUID.randomUUID(), UUID.randomUUID(),
                leadData, steps);
        return id;
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, UUID id) {
        return jdbc.queryForMap("SELECT lead_phone, app_id FROM enrollment WHERE id = ?", id);
    }
}
