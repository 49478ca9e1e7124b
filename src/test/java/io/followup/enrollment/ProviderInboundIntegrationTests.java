package io.followup.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.ProviderInbound;
import io.followup.support.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound messages as the callbacks module publishes them: the lead is found by the business number (Meta: our
 * channel_id; Gupshup: the app) and its phone, its window opens, its running enrollment stops, a stop keyword opts it out.
 */
class ProviderInboundIntegrationTests extends EnrollmentFixture {

    @Autowired
    private ApplicationEventPublisher events;

    private final String phone = "+55119" + (10_000_000 + (int) (Math.random() * 89_999_999));

    @Test
    void aGupshupInboundMessageStopsTheRunningEnrollmentAndOpensTheWindow() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = enroll(lead, phone, clock.instant());
        String otherLead = "lead-" + UUID.randomUUID();
        String otherEnrollment = enroll(otherLead, "+5511977776666", clock.instant());
        clock.advance(Duration.ofSeconds(1));
        Instant at = clock.instant();

        events.publishEvent(new ProviderInbound(DeliveryChannel.WHATSAPP_GUPSHUP, APP, phone, at, "Oi, tenho interesse", "gs-1"));

        JsonNode stopped = enrollment(enrollmentId);
        assertThat(stopped.get("status").asString()).isEqualTo("stopped");
        assertThat(stopped.get("stop_reason").asString()).isEqualTo("Lead replied");
        assertThat(lastInbound(lead)).isEqualTo(at);
        assertThat(enrollment(otherEnrollment).get("status").asString()).as("another phone").isEqualTo("active");
        assertThat(list(lead).get("total_elements").asLong()).as("a reply is no opt-out").isZero();
    }

    @Test
    void aMetaInboundMessageOpensTheWindowForTheNextTriggersAiStep() {
        String lead = "lead-" + UUID.randomUUID();
        String first = enroll(lead, phone, clock.instant());

        events.publishEvent(new ProviderInbound(DeliveryChannel.WHATSAPP_META, channel.toString(), phone,
                clock.instant().plusSeconds(1), null, "wamid.in-1"));
        assertThat(enrollment(first).get("stop_reason").asString()).isEqualTo("Lead replied");
        String second = enroll(lead, phone, clock.instant().plusSeconds(2));

        clock.advance(Duration.ofMinutes(30));
        awaitAiRequest(lead, 1);
        assertThat(enrollment(second).get("steps").get(0).get("state").asString()).isIn("sent", "scheduled");
    }

    @Test
    void aStopKeywordOptsTheLeadOutOfTheChannel() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = enroll(lead, phone, clock.instant());

        events.publishEvent(new ProviderInbound(DeliveryChannel.WHATSAPP_GUPSHUP, APP, phone, clock.instant().plusSeconds(1),
                "  Párar! ", "gs-2"));

        assertThat(enrollment(enrollmentId).get("stop_reason").asString()).isEqualTo("Lead opted out");
        JsonNode optOut = list(lead).get("items").get(0);
        assertThat(optOut.get("source").asString()).isEqualTo("stop_keyword");
        assertThat(optOut.get("channel_id").asString()).isEqualTo(channel.toString());
        assertThat(optOut.get("detail").asString()).contains("Párar!");
        ApiResponse again = statusChanged("e2-" + lead, lead, trigger, clock.instant().plusSeconds(2));
        assertThat(again.json().get("outcome").asString()).isEqualTo("ignored");
    }

    @Test
    void aMessageOlderThanTheTriggerOpensTheWindowButLeavesTheEnrollmentRunning() {
        String lead = "lead-" + UUID.randomUUID();
        Instant triggered = clock.instant();
        String enrollmentId = enroll(lead, phone, triggered);

        events.publishEvent(new ProviderInbound(DeliveryChannel.WHATSAPP_GUPSHUP, APP, phone, triggered.minusSeconds(60), "hello", "gs-3"));

        assertThat(enrollment(enrollmentId).get("status").asString()).isEqualTo("active");
        assertThat(lastInbound(lead)).isEqualTo(triggered.minusSeconds(60));
    }

    @Test
    void anInboundOfAnUnknownPhoneOrAppChangesNothing() {
        String lead = "lead-" + UUID.randomUUID();
        String enrollmentId = enroll(lead, phone, clock.instant());

        events.publishEvent(new ProviderInbound(DeliveryChannel.WHATSAPP_GUPSHUP, APP, "+5511900001111", clock.instant().plusSeconds(1), "STOP", null));
        events.publishEvent(new ProviderInbound(DeliveryChannel.WHATSAPP_GUPSHUP, "another-app", phone, clock.instant().plusSeconds(1), "STOP", null));

        assertThat(enrollment(enrollmentId).get("status").asString()).isEqualTo("active");
        assertThat(jdbc.queryForList("SELECT lead_id FROM lead_window WHERE tenant_id = ? AND lead_id = ?", String.class, tenant, lead)).isEmpty();
        assertThat(list(lead).get("total_elements").asLong()).isZero();
    }

    /** Enrolls the lead with this phone, with no inbound time known. */
    private String enroll(String lead, String leadPhone, Instant at) {
        ApiResponse event = event("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "%s"}}
                """.formatted(UUID.randomUUID(), assistant, lead, channel, trigger, at, leadPhone));
        assertThat(event.json().get("outcome").asString()).as(event.toString()).isIn("enrolled", "replaced");
        return event.json().get("enrollment_id").asString();
    }

    private JsonNode list(String lead) {
        return api.request("GET", "/backend/followup/opt-outs?lead_id=" + lead).token(tokens.backend(tenant)).send().json();
    }

    private Instant lastInbound(String lead) {
        List<OffsetDateTime> at = jdbc.queryForList("SELECT last_inbound_at FROM lead_window WHERE tenant_id = ? AND channel_id = ? AND lead_id = ?",
                OffsetDateTime.class, tenant, channel.toString(), lead);
        assertThat(at).hasSize(1);
        return at.get(0).toInstant();
    }
}
