package io.followup.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.followup.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies and opt-outs straight from the providers' webhooks, end to end: the signed callback, the event between
 * the modules, the enrollment, the window and the opt-out list, all through the API as a user sees them. The bodies
 * are the documented fixtures with this test's numbers in them.
 */
class ProviderRepliesIntegrationTests extends WebhookFixture {

    @Test
    void aMetaInboundMessageStopsTheEnrollmentAndOpensTheWindowForTheNextAiStep() {
        String config = aiStepThenTemplateOnMeta();
        assertThat(api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json(config).send().status())
                .isEqualTo(201);
        String first = trigger("e1-" + lead);

        assertThat(postMeta(metaInbound("Oi, ainda tenho interesse", clock.instant())).status()).isEqualTo(200);

        JsonNode stopped = enrollment(first);
        assertThat(stopped.get("status").asString()).isEqualTo("stopped");
        assertThat(stopped.get("stop_reason").asString()).isEqualTo("Lead replied");

        // Without the inbound message the AI step would be skipped: no inbound known on the channel means no window.
        String second = trigger("e2-" + lead);
        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> !"scheduled".equals(step(second, 0).get("state").asString()));
        assertThat(step(second, 0).get("state").asString()).as(step(second, 0).toString()).isEqualTo("sent");
        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/followups/messages"))
                .withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead))))).hasSize(1);
    }

    @Test
    void aStopKeywordFromMetaOptsTheLeadOutOfTheChannel() {
        String enrollmentId = enrollOnMeta();

        assertThat(postMeta(metaInbound("Stop.", clock.instant())).status()).isEqualTo(200);

        JsonNode stopped = enrollment(enrollmentId);
        assertThat(stopped.get("status").asString()).isEqualTo("stopped");
        assertThat(stopped.get("stop_reason").asString()).isEqualTo("Lead opted out");
        JsonNode optOut = onlyOptOut();
        assertThat(optOut.get("channel_id").asString()).isEqualTo(META_CHANNEL);
        assertThat(optOut.get("source").asString()).isEqualTo("stop_keyword");
        assertThat(trigger("e2-" + lead)).as("a new trigger enrolls nobody").isNull();
    }

    @Test
    void aMetaFailedStatusWith131050OptsTheLeadOutAndStopsRatherThanFails() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);

        String failed = edited("meta/webhook-status-failed.json", root -> {
            ObjectNode value = (ObjectNode) root.at("/entry/0/changes/0/value");
            ((ObjectNode) value.get("metadata")).put("phone_number_id", META_PHONE_NUMBER_ID);
            ObjectNode status = (ObjectNode) value.get("statuses").get(0);
            status.put("id", firstWamid);
            status.put("recipient_id", digits);
            status.remove("biz_opaque_callback_data");
            ObjectNode error = (ObjectNode) status.get("errors").get(0);
            error.put("code", 131050);
            error.put("title", "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business");
        });
        assertThat(postMeta(failed).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        assertThat(enrollment.get("status").asString()).isEqualTo("stopped");
        assertThat(enrollment.get("stop_reason").asString()).isEqualTo("Lead opted out");
        assertThat(enrollment.get("steps").get(0).get("provider_error_code").asString()).isEqualTo("131050");
        assertThat(enrollment.get("steps").get(1).get("state").asString()).isEqualTo("cancelled");
        assertThat(onlyOptOut().get("source").asString()).isEqualTo("meta_131050");

        clock.advance(Duration.ofHours(2));
        assertThat(metaSends("reminder_v2")).as("the next step never goes out").isZero();
    }

    @Test
    void aGupshupFailedEventWith1012OptsTheLeadOut() {
        String enrollmentId = enrollOnGupshupAndSend();

        // Gupshup's documented failed event, with the code its error table gives an opted-out number.
        String failed = fixture("gupshup/message-event-failed.json").replace("ee4a68a0-1203-4c85-8dc3-49d0b3226a35", gupshupId)
                .replace("918x98xx21x4", digits).replace("\"code\": 1002", "\"code\": 1012")
                .replace("Number Does Not Exists On WhatsApp", "User has opted out");
        ApiResponse answer = api.request("POST", "/webhooks/gupshup/" + GUPSHUP_APP).header("X-Followup-Token", GUPSHUP_CALLBACK_TOKEN)
                .json(failed).send();
        assertThat(answer.status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        assertThat(enrollment.get("status").asString()).isEqualTo("stopped");
        assertThat(enrollment.get("stop_reason").asString()).isEqualTo("Lead opted out");
        assertThat(enrollment.get("steps").get(0).get("provider_error_code").asString()).isEqualTo("1012");
        JsonNode optOut = onlyOptOut();
        assertThat(optOut.get("channel_id").asString()).isEqualTo(gupshupChannel.toString());
        assertThat(optOut.get("source").asString()).isEqualTo("gupshup_1012");
    }

    private String aiStepThenTemplateOnMeta() {
        stub.stubFor(post(urlEqualTo("/followups/messages")).withRequestBody(matchingJsonPath("$.lead_id", equalTo(lead)))
                .willReturn(okJson("{\"message_id\": \"ai-" + UUID.randomUUID() + "\"}")));
        stubMetaSend("reengagement_v1", okJson("{\"messages\":[{\"id\":\"" + firstWamid + "\"}]}"));
        return """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "steps": [{"interval": "PT30M", "prompt": "Ask whether the lead is still interested"}],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "meta-app",
                   "steps": [{"interval": "PT1H", "template_name": "reengagement_v1", "template_language": "en"}]}]}
                """.formatted(assistant, trigger, META_CHANNEL);
    }

    /** The lead enters the trigger status on the Meta channel; the new enrollment's ID, or null when none was made. */
    private String trigger(String eventId) {
        ApiResponse event = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "%s"}}
                """.formatted(eventId, assistant, lead, META_CHANNEL, trigger, clock.instant(), phone)).send();
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        JsonNode id = event.json().get("enrollment_id");
        return id == null || id.isNull() ? null : id.asString();
    }

    /** Meta's documented text-message webhook, from this test's lead to the test's Meta number, sent at {@code at}. */
    private String metaInbound(String text, Instant at) {
        return edited("meta/webhook-message-text.json", root -> {
            ObjectNode value = (ObjectNode) root.at("/entry/0/changes/0/value");
            ((ObjectNode) value.get("metadata")).put("phone_number_id", META_PHONE_NUMBER_ID);
            ((ObjectNode) value.get("contacts").get(0)).put("wa_id", digits);
            ObjectNode message = (ObjectNode) value.get("messages").get(0);
            message.put("from", digits);
            message.put("id", "wamid.inbound-" + UUID.randomUUID());
            message.put("timestamp", Long.toString(at.getEpochSecond() + 1));
            ((ObjectNode) message.get("text")).put("body", text);
        });
    }

    private JsonNode onlyOptOut() {
        ApiResponse list = api.request("GET", "/backend/followup/opt-outs?lead_id=" + lead).token(tokens.backend(tenant)).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("items")).as(list.body()).hasSize(1);
        return list.json().get("items").get(0);
    }
}
