package io.followup.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.followup.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WhatsApp's 24-hour window for the seed example's AI steps (free-form messages on its official channel): it belongs
 * to (tenant, channel, lead), unknown means closed, and a margin (10 min by default) keeps a step from going out
 * just before it closes.
 */
class LeadWindowIntegrationTests extends EnrollmentFixture {

    @Test
    void anAiStepWithNoKnownInboundMessageIsSkippedWithThatReason() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = enrolledWithoutInbound(lead);

        JsonNode step = firstStepOnceDone(enrollmentId);

        assertThat(step.get("state").asString()).isEqualTo("skipped");
        assertThat(step.get("error").asString()).contains("No inbound message of the lead is known on channel " + channel)
                .contains("24-hour window is closed");
        assertThat(aiRequestsFor(lead)).isEmpty();
        assertThat(stepState(enrollment(enrollmentId), 1)).as("the sequence goes on").isEqualTo("scheduled");
    }

    @Test
    void anInboundMessage23h55mBeforeTheStepIsTooCloseToTheCloseWithA10MinuteMargin() {
        String lead = "lead-" + UUID.randomUUID();
        Instant now = clock.instant();
        // The first step is due 30 min after the trigger; by then the message is 23 h 55 min old.
        Instant inbound = now.plus(Duration.ofMinutes(30)).minus(Duration.ofHours(23).plusMinutes(55));
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, now, inbound).json().get("enrollment_id").asString();

        JsonNode step = firstStepOnceDone(enrollmentId);

        assertThat(step.get("state").asString()).isEqualTo("skipped");
        assertThat(step.get("error").asString()).contains("within the margin of 10 min")
                .contains("closes at");
        assertThat(aiRequestsFor(lead)).isEmpty();
    }

    @Test
    void lastInboundAtOnTheTriggerOpensTheWindow() {
        String lead = "lead-" + UUID.randomUUID();
        Instant now = clock.instant();
        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, now, now.minus(Duration.ofHours(1)))
                .json().get("enrollment_id").asString();

        assertThat(firstStepOnceDone(enrollmentId).get("state").asString()).isEqualTo("sent");
        assertThat(aiRequestsFor(lead)).hasSize(1);
        assertThat(lastInbound(channel.toString(), lead)).isEqualTo(now.minus(Duration.ofHours(1)));
    }

    @Test
    void messageReceivedWithChannelIdOpensTheWindowAndAnOlderLastInboundAtDoesNotMoveItBack() {
        String lead = "lead-" + UUID.randomUUID();
        Instant now = clock.instant();
        ApiResponse message = messageReceived(lead, channel.toString(), now.minus(Duration.ofHours(1)));
        assertThat(message.json().get("outcome").asString()).isEqualTo("recorded");

        String enrollmentId = statusChanged("e1-" + lead, lead, trigger, now, now.minus(Duration.ofHours(30)))
                .json().get("enrollment_id").asString();

        assertThat(lastInbound(channel.toString(), lead)).as("the greatest of the known and the given").isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(firstStepOnceDone(enrollmentId).get("state").asString()).isEqualTo("sent");
    }

    @Test
    void aWindowOpenedOnAnotherChannelDoesNotOpenThisOne() {
        String lead = "lead-" + UUID.randomUUID();
        messageReceived(lead, "other-channel-" + UUID.randomUUID(), clock.instant().minus(Duration.ofMinutes(5)));

        String enrollmentId = enrolledWithoutInbound(lead);

        assertThat(firstStepOnceDone(enrollmentId).get("state").asString()).isEqualTo("skipped");
        assertThat(aiRequestsFor(lead)).isEmpty();
    }

    @Test
    void messageReceivedWithoutChannelIdOpensTheWindowOfTheRunningEnrollmentsChannelAndStopsIt() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = enrolledWithoutInbound(lead);
        clock.advance(Duration.ofSeconds(1));
        Instant at = clock.instant();

        ApiResponse reply = event("""
                {"event_id": "r-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s", "occurred_at": "%s"}
                """.formatted(lead, assistant, lead, at));

        assertThat(reply.json().get("outcome").asString()).isEqualTo("stopped");
        assertThat(enrollment(enrollmentId).get("stop_reason").asString()).isEqualTo("Lead replied");
        assertThat(lastInbound(channel.toString(), lead)).isEqualTo(at);
    }

    @Test
    void anInboundTimeInTheFutureCountsAsNowSoItCannotHoldTheWindowOpen() {
        String lead = "lead-" + UUID.randomUUID();
        Instant now = clock.instant();
        statusChanged("e1-" + lead, lead, trigger, now, Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(lastInbound(channel.toString(), lead)).isBetween(now, clock.instant());

        // Kept as given, the window would stay open until 2099; counted as now, it closes 24 h later like any other.
        clock.advance(Duration.ofHours(24));
        Instant later = clock.instant();
        messageReceived(lead, channel.toString(), Instant.parse("2098-06-01T00:00:00Z"));
        assertThat(lastInbound(channel.toString(), lead)).isBetween(later, clock.instant());
    }

    @Test
    void messageReceivedWithoutChannelIdForALeadNeverEnrolledRecordsNothing() {
        String lead = "lead-" + UUID.randomUUID();

        ApiResponse reply = event("""
                {"event_id": "r-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s", "occurred_at": "%s"}
                """.formatted(lead, assistant, lead, clock.instant()));

        assertThat(reply.json().get("outcome").asString()).isEqualTo("ignored");
        assertThat(reply.json().get("detail").asString()).contains("No channel_id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_window WHERE tenant_id = ? AND lead_id = ?", Long.class, tenant, lead))
                .isZero();
    }

    @Test
    void aBadLastInboundAtIs400NamingItAndRecordsNothing() {
        String lead = "lead-" + UUID.randomUUID();
        ApiResponse response = event("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "last_inbound_at": "yesterday"}
                """.formatted(lead, assistant, lead, channel, trigger, clock.instant()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("last_inbound_at").asString()).contains("ISO 8601");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE tenant_id = ? AND lead_id = ?", Long.class, tenant, lead))
                .isZero();
    }

    private String enrolledWithoutInbound(String lead) {
        ApiResponse event = statusChangedWithoutInbound("e1-" + lead, lead, trigger, clock.instant());
        assertThat(event.json().get("outcome").asString()).as(event.toString()).isEqualTo("enrolled");
        return event.json().get("enrollment_id").asString();
    }

    private ApiResponse statusChanged(String eventId, String lead, UUID status, Instant at, Instant lastInbound) {
        return event("""
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "last_inbound_at": "%s",
                 "lead": {"first_name": "Ana", "phone": "+5511988887777"}}
                """.formatted(eventId, assistant, lead, channel, status, at, lastInbound));
    }

    private ApiResponse messageReceived(String lead, String channelId, Instant at) {
        return event("""
                {"event_id": "m-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "occurred_at": "%s"}
                """.formatted(UUID.randomUUID(), assistant, lead, channelId, at));
    }

    /** Makes the first step due and waits until it was sent or skipped. */
    private JsonNode firstStepOnceDone(String enrollmentId) {
        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> !"scheduled".equals(stepState(enrollment(enrollmentId), 0)));
        return enrollment(enrollmentId).get("steps").get(0);
    }

    private Instant lastInbound(String channelId, String lead) {
        return jdbc.queryForObject("SELECT last_inbound_at FROM lead_window WHERE tenant_id = ? AND channel_id = ? AND lead_id = ?",
                OffsetDateTime.class, tenant, channelId, lead).toInstant();
    }
}
