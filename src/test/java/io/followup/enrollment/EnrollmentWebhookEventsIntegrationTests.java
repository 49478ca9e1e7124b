package io.followup.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.followup.support.ApiResponse;
import io.followup.support.RecordedWebhookEvents;
import io.followup.support.RecordedWebhookEvents.Event;
import io.followup.webhooks.WebhookAudience;
import io.followup.webhooks.WebhookEvents;
import io.followup.webhooks.WebhookSubscriptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.followup.support.RecordedWebhookEvents.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An enrollment's life as the tenant's webhook events (issue 17): the seed example run step by step (the step job's
 * JDBC transactions and the provider's statuses), the ways it stops, an opt-out, a skipped and a failed step.
 */
class EnrollmentWebhookEventsIntegrationTests extends EnrollmentFixture {

    @Autowired
    WebhookSubscriptions subscriptions;

    final String lead = "lead-" + UUID.randomUUID();
    final String digits = "55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    final String gupshupId = UUID.randomUUID().toString();
    UUID subscription;

    @BeforeEach
    void subscribe() {
        stub.stubFor(post(urlPathEqualTo("/hooks/" + tenant)).willReturn(ok()));
        stub.stubFor(post(urlEqualTo("/gupshup/wa/api/v1/template/msg")).withRequestBody(containing("destination=" + digits))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"submitted\",\"messageId\":\"" + gupshupId + "\"}")));
        subscription = RecordedWebhookEvents.subscribe(subscriptions, WebhookAudience.BACKEND, tenant.toString(),
                "http://localhost:" + stub.port() + "/hooks/" + tenant, WebhookEvents.BACKEND);
    }

    @Test
    void aRunTellsItsStartEachStepItsEndAndTheProvidersStatuses() {
        ApiResponse enrolled = trigger("e1-" + lead, trigger, clock.instant(), true);
        String enrollmentId = enrolled.json().get("enrollment_id").asString();
        awaitEvents(1);
        clock.advance(Duration.ofMinutes(30));
        awaitEvents(2);
        clock.advance(Duration.ofHours(2));
        awaitEvents(3);
        clock.advance(Duration.ofDays(1));
        awaitEvents(5);
        assertThat(gupshup("message-event-delivered.json").status()).isEqualTo(200);
        assertThat(gupshup("message-event-read.json").status()).isEqualTo(200);
        assertThat(gupshup("message-event-delivered.json").status()).as("a late status tells nothing").isEqualTo(200);

        List<Event> events = events();
        assertThat(types(events)).containsExactly(WebhookEvents.ENROLLMENT_STARTED, WebhookEvents.STEP_SENT, WebhookEvents.STEP_SENT,
                WebhookEvents.STEP_SENT, WebhookEvents.ENROLLMENT_COMPLETED, WebhookEvents.STEP_DELIVERED, WebhookEvents.STEP_READ);
        assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.data().get("enrollment_id").asString()).isEqualTo(enrollmentId);
            assertThat(event.data().get("assistant_id").asString()).isEqualTo(assistant.toString());
            assertThat(event.data().get("lead_id").asString()).isEqualTo(lead);
            assertThat(event.data().get("channel_id").asString()).isEqualTo(channel.toString());
            assertThat(event.changes()).isNull();
        });
        assertThat(events.get(0).data().get("steps").asInt()).isEqualTo(3);
        assertThat(events.get(0).data().get("trigger_status_id").asString()).isEqualTo(trigger.toString());
        assertThat(events.get(0).data().get("first_step_due_at").asString()).isNotBlank();
        assertThat(events.subList(1, 4)).extracting(event -> event.data().get("step").asInt()).containsExactly(1, 2, 3);
        assertThat(events.get(1).data().get("enrollment_status").asString()).isEqualTo("active");
        assertThat(events.get(3).data().get("template_name").asString()).isEqualTo("reengagement_v1");
        assertThat(events.get(3).data().get("provider_message_id").asString()).isEqualTo(gupshupId);
        assertThat(events.get(3).data().get("enrollment_status").asString()).as("the last step completes it").isEqualTo("completed");
        assertThat(events.get(5).data().get("status").asString()).isEqualTo("delivered");
        assertThat(events.get(5).data().get("occurred_at").asString()).as("the provider's time").isEqualTo("2020-02-01T08:44:38Z");
        assertThat(events.get(6).data().get("status").asString()).isEqualTo("read");
        assertThat(events.get(6).data().get("step").asInt()).isEqualTo(3);
    }

    @Test
    void eachWayAnEnrollmentStopsIsToldWithItsReason() {
        String first = trigger("e1-" + lead, trigger, clock.instant(), true).json().get("enrollment_id").asString();
        String second = trigger("e2-" + lead, trigger, clock.instant().plusSeconds(1), true).json().get("enrollment_id").asString();
        assertThat(trigger("e2-" + lead, trigger, clock.instant().plusSeconds(1), true).json().get("status").asString())
                .as("a repeated event changes nothing, so tells nothing").isEqualTo("duplicate");
        trigger("e3-" + lead, UUID.randomUUID(), clock.instant().plusSeconds(2), true);
        String third = trigger("e4-" + lead, trigger, clock.instant().plusSeconds(3), true).json().get("enrollment_id").asString();
        event("""
                {"event_id": "r-%s", "type": "lead.message_received", "assistant_id": "%s", "lead_id": "%s", "occurred_at": "%s"}
                """.formatted(lead, assistant, lead, clock.instant().plusSeconds(4)));

        List<Event> events = events();
        assertThat(types(events)).containsExactly(WebhookEvents.ENROLLMENT_STARTED, WebhookEvents.ENROLLMENT_STOPPED,
                WebhookEvents.ENROLLMENT_STARTED, WebhookEvents.ENROLLMENT_STOPPED, WebhookEvents.ENROLLMENT_STARTED,
                WebhookEvents.ENROLLMENT_STOPPED);
        assertThat(events).extracting(event -> event.data().get("enrollment_id").asString())
                .containsExactly(first, first, second, second, third, third);
        assertThat(events.get(1).data().get("reason").asString()).isEqualTo("replaced");
        assertThat(events.get(1).data().get("detail").asString()).isEqualTo("Replaced by a new trigger");
        assertThat(events.get(3).data().get("reason").asString()).isEqualTo("status_changed");
        assertThat(events.get(3).data().get("detail").asString()).isEqualTo("Lead moved to a non-trigger status");
        assertThat(events.get(5).data().get("reason").asString()).isEqualTo("reply");
        assertThat(events.get(5).data().get("step").asInt()).isEqualTo(1);
        assertThat(events.get(5).data().get("occurred_at").asString()).isNotBlank();
    }

    @Test
    void anOptOutIsToldOnceWithTheStopItCauses() {
        String enrollmentId = trigger("e1-" + lead, trigger, clock.instant(), true).json().get("enrollment_id").asString();
        assertThat(optOut("o1-" + lead).json().get("outcome").asString()).isEqualTo("stopped");
        assertThat(optOut("o2-" + lead).json().get("outcome").asString()).isEqualTo("recorded");

        List<Event> events = events();
        assertThat(types(events)).as("the opt-out, then the stop it causes").containsExactly(WebhookEvents.ENROLLMENT_STARTED,
                WebhookEvents.LEAD_OPTED_OUT, WebhookEvents.ENROLLMENT_STOPPED);
        assertThat(events.get(1).data().get("lead_id").asString()).isEqualTo(lead);
        assertThat(events.get(1).data().get("channel_id").asString()).isEqualTo(channel.toString());
        assertThat(events.get(1).data().get("source").asString()).isEqualTo("lead_opted_out");
        assertThat(events.get(2).data().get("enrollment_id").asString()).isEqualTo(enrollmentId);
        assertThat(events.get(2).data().get("reason").asString()).isEqualTo("opted_out");
    }

    @Test
    void aSkippedAndAFailedStepAreTold() {
        String skipping = trigger("e1-" + lead, trigger, clock.instant(), false).json().get("enrollment_id").asString();
        String failingLead = "lead-" + UUID.randomUUID();
        stub.stubFor(post(urlEqualTo("/followups/messages")).withRequestBody(matchingJsonPath("$.lead_id", equalTo(failingLead)))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown lead\"}")));
        String failing = event(body("f1-" + failingLead, failingLead, trigger, clock.instant(), true)).json().get("enrollment_id").asString();
        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(15)).until(() -> types(events()).contains(WebhookEvents.STEP_FAILED)
                && types(events()).contains(WebhookEvents.STEP_SKIPPED));

        Event skipped = events().stream().filter(event -> event.type().equals(WebhookEvents.STEP_SKIPPED)).findFirst().orElseThrow();
        assertThat(skipped.data().get("enrollment_id").asString()).isEqualTo(skipping);
        assertThat(skipped.data().get("step").asInt()).isEqualTo(1);
        assertThat(skipped.data().get("status").asString()).isEqualTo("skipped");
        assertThat(skipped.data().get("error").asString()).contains("24-hour window");
        Event failed = events().stream().filter(event -> event.type().equals(WebhookEvents.STEP_FAILED)).findFirst().orElseThrow();
        assertThat(failed.data().get("enrollment_id").asString()).isEqualTo(failing);
        assertThat(failed.data().get("status").asString()).isEqualTo("failed");
        assertThat(failed.data().get("error").asString()).isNotBlank();
        assertThat(failed.data().get("enrollment_status").asString()).as("a failed step fails the enrollment").isEqualTo("failed");
        assertThat(types(events()).stream().filter(type -> type.equals(WebhookEvents.ENROLLMENT_STOPPED)))
                .as("a failed enrollment is told by its step").isEmpty();
    }

    private ApiResponse trigger(String eventId, UUID status, Instant at, boolean inbound) {
        ApiResponse answer = event(body(eventId, lead, status, at, inbound));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer;
    }

    /** A trigger of the lead with this test's own phone, so the Gupshup stub's message ID is this test's. */
    private String body(String eventId, String leadId, UUID status, Instant at, boolean inbound) {
        return """
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s"%s,
                 "lead": {"first_name": "Ana", "phone": "+%s"}}
                """.formatted(eventId, assistant, leadId, channel, status, at, inbound ? ", \"last_inbound_at\": \"" + at + "\"" : "",
                digits);
    }

    private ApiResponse optOut(String eventId) {
        return event("""
                {"event_id": "%s", "type": "lead.opted_out", "assistant_id": "%s", "lead_id": "%s", "channel_id": "%s", "occurred_at": "%s"}
                """.formatted(eventId, assistant, lead, channel, clock.instant()));
    }

    private ApiResponse gupshup(String fixture) {
        String body = fixture("gupshup/" + fixture).replace("ee4a68a0-1203-4c85-8dc3-49d0b3226a35", gupshupId)
                .replace("918x98xx21x4", digits);
        return api.request("POST", "/webhooks/gupshup/" + APP).header("X-Followup-Token", GUPSHUP_CALLBACK_TOKEN).json(body).send();
    }

    private static String fixture(String name) {
        try (var in = EnrollmentWebhookEventsIntegrationTests.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private List<Event> events() {
        return RecordedWebhookEvents.of(jdbc, subscription);
    }

    private void awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events().size() >= count);
    }
}
