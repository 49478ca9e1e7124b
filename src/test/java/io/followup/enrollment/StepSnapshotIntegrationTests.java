package io.followup.enrollment;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a step snapshot keeps beside the configured step: its channel (kept inside) and the provider's message ID (shown). */
class StepSnapshotIntegrationTests extends EnrollmentFixture {

    @Test
    void eachStepNamesItsChannelAtEnrollmentAndShowsTheMessageIdButNotTheChannel() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();

        assertThat(stored(enrollmentId)).extracting(step -> step.get("channel").asString())
                .containsExactly("assistant", "assistant", "whatsapp_gupshup");

        clock.advance(Duration.ofMinutes(30));
        awaitAiRequest(lead, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(stored(enrollmentId).get(0).get("state").asString()));
        assertThat(stored(enrollmentId).get(0).get("provider_message_id").asString()).isEqualTo("m-1");
        JsonNode shown = enrollment(enrollmentId).get("steps").get(0);
        assertThat(shown.get("provider_message_id").asString()).isEqualTo("m-1");
        assertThat(shown.has("channel")).isFalse();
    }

    @Test
    void aSnapshotStoredBeforeStepsNamedTheirChannelIsStillSent() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();
        jdbc.update("update enrollment set steps = (select jsonb_agg(s - 'channel' - 'provider_message_id')"
                + " from jsonb_array_elements(steps) s) where id = ?", UUID.fromString(enrollmentId));
        assertThat(stored(enrollmentId)).noneMatch(step -> step.has("channel"));

        clock.advance(Duration.ofMinutes(30));
        awaitAiRequest(lead, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 1)));
        assertThat(stepState(enrollment(enrollmentId), 0)).isEqualTo("sent");
    }

    @Test
    void aSnapshotStoredBeforeStepsCountedTheirResendsIsStillSent() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();
        assertThat(stored(enrollmentId)).allMatch(step -> step.get("resends").asInt() == 0);
        jdbc.update("update enrollment set steps = (select jsonb_agg(s - 'resends') from jsonb_array_elements(steps) s)"
                + " where id = ?", UUID.fromString(enrollmentId));
        assertThat(stored(enrollmentId)).noneMatch(step -> step.has("resends"));

        clock.advance(Duration.ofMinutes(30));
        awaitAiRequest(lead, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 1)));
        assertThat(stepState(enrollment(enrollmentId), 0)).isEqualTo("sent");
        assertThat(stored(enrollmentId).get(0).get("resends").asInt()).isZero();
    }

    @Test
    void aSnapshotCarryingAFieldOfANewerVersionIsStillSentAndItsRowVersionMovesOnWithEachWrite() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, clock.instant()).json().get("enrollment_id").asString();
        // A newer instance of the service (a rolling deploy) may have written a field this one does not know yet.
        jdbc.update("update enrollment set steps = (select jsonb_agg(s || '{\"from_the_future\": 1}') from jsonb_array_elements(steps) s)"
                + " where id = ?", UUID.fromString(enrollmentId));
        long before = version(enrollmentId);

        clock.advance(Duration.ofMinutes(30));
        awaitAiRequest(lead, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "scheduled".equals(stepState(enrollment(enrollmentId), 1)));
        assertThat(stepState(enrollment(enrollmentId), 0)).isEqualTo("sent");
        // The step's outcome was written in plain SQL: the version moved, so a JPA write that loaded the row before
        // would fail rather than overwrite it, and one that loads it now (the reply below) goes through.
        assertThat(version(enrollmentId)).isGreaterThan(before);

        assertThat(event("""
                {"event_id": "reply-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s", "occurred_at": "%s"}
                """.formatted(lead, assistant, lead, clock.instant())).status()).isEqualTo(200);
        assertThat(enrollment(enrollmentId).get("status").asString()).isEqualTo("stopped");
        assertThat(stepState(enrollment(enrollmentId), 1)).isEqualTo("cancelled");
    }

    private long version(String enrollmentId) {
        return jdbc.queryForObject("select version from enrollment where id = ?", Long.class, UUID.fromString(enrollmentId));
    }

    private JsonNode stored(String enrollmentId) {
        return JSON.readTree(jdbc.queryForObject("select steps::text from enrollment where id = ?", String.class,
                UUID.fromString(enrollmentId)));
    }
}
