package io.followup.collections;

import java.util.Map;

import io.followup.support.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** V12 on a database with follow-ups: they get no opens, no clicks, no payment, no expiry; the new columns' rules hold. */
class FollowupFieldsMigrationIntegrationTests {

    @Test
    void existingFollowupsGetTheDefaultsAndTheRulesHold() {
        try (ScratchDatabase db = ScratchDatabase.create("v12", 2, "10")) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            // The V2 schema's columns: a row as the service wrote it before V11 and V12.
            Long debt = jdbc.queryForObject("""
                    INSERT INTO debt (company_id, external_reference, debtor_name, amount, currency, created_at, updated_at)
                    VALUES ('company-v12', 'INV-1', 'Maria Silva', 10.00, 'BRL', now(), now()) RETURNING id""", Long.class);
            Long followup = jdbc.queryForObject("""
                    INSERT INTO debt_followup (company_id, debt_id, type, status, audio_url, processed_at, created_at, updated_at)
                    VALUES ('company-v12', ?, 'EMAIL', 'DELIVERED', 'https://media.example.com/a.mp3', now(), now(), now()) RETURNING id""",
                    Long.class, debt);

            db.migrateTo("12");

            assertThat(jdbc.queryForMap("""
                    SELECT triggered_payment, email_open_count, email_first_opened_at, email_click_count, media_urls_expire_at
                    FROM debt_followup WHERE id = ?""", followup)).isEqualTo(nullable(Map.of("triggered_payment", false,
                    "email_open_count", 0, "email_click_count", 0)));
            assertThatExceptionOfType(DataIntegrityViolationException.class).as("a negative count")
                    .isThrownBy(() -> jdbc.update("UPDATE debt_followup SET email_click_count = -1 WHERE id = ?", followup));
            assertThatExceptionOfType(DataIntegrityViolationException.class).as("a first open without opens")
                    .isThrownBy(() -> jdbc.update("UPDATE debt_followup SET email_first_opened_at = now() WHERE id = ?", followup));
            assertThatExceptionOfType(DataIntegrityViolationException.class).as("an expiry without media")
                    .isThrownBy(() -> jdbc.update("UPDATE debt_followup SET audio_url = NULL, media_urls_expire_at = now() WHERE id = ?",
                            followup));
            assertThat(jdbc.update("UPDATE debt_followup SET email_open_count = 1, email_first_opened_at = now(), "
                    + "media_urls_expire_at = now() WHERE id = ?", followup)).as("an agreeing row").isOne();
        }
    }

    /** The row's values with the two times expected null. */
    private static Map<String, Object> nullable(Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put("email_first_opened_at", null);
        all.put("media_urls_expire_at", null);
        return all;
    }
}
