package io.followup.callbacks;

import java.time.Instant;

import io.followup.delivery.DeliveryChannel;
import io.followup.support.ApiResponse;
import io.followup.support.ProviderEventsCapture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Gupshup's message events and inbound messages, on the app's callback URL with its token. */
class GupshupWebhookIntegrationTests extends WebhookFixture {

    private static final String CALLBACK = "/webhooks/gupshup/" + GUPSHUP_APP;

    @Autowired
    ProviderEventsCapture captured;

    @Test
    void withoutTheAppsTokenNothingIsTakenAndTheStepStaysAsItWas() {
        String enrollmentId = enrollOnGupshupAndSend();
        String delivered = event("message-event-delivered.json");

        ApiResponse none = api.request("POST", CALLBACK).json(delivered).send();
        ApiResponse wrong = api.request("POST", CALLBACK).json(delivered).header("X-Followup-Token", "not-the-token-of-this-app").send();
        ApiResponse wrongQuery = api.request("POST", CALLBACK + "?token=not-the-token-of-this-app").json(delivered).send();
        ApiResponse otherApp = api.request("POST", "/webhooks/gupshup/another-app").json(delivered)
                .header("X-Followup-Token", GUPSHUP_CALLBACK_TOKEN).send();

        for (ApiResponse refused : new ApiResponse[] {none, wrong, wrongQuery, otherApp}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(step(enrollmentId, 0).get("state").asString()).isEqualTo("sent");
    }

    @Test
    void deliveredAndReadEventsShowOnTheStepMatchedByGupshupsMessageId() {
        String enrollmentId = enrollOnGupshupAndSend();
        assertThat(step(enrollmentId, 0).get("provider_message_id").asString()).isEqualTo(gupshupId);

        assertThat(withHeaderToken(event("message-event-delivered.json")).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0).get("state").asString()).isEqualTo("delivered");
        assertThat(step(enrollmentId, 0).get("delivered_at").asString()).isEqualTo("2020-02-01T08:44:38Z");

        ApiResponse read = api.request("POST", CALLBACK + "?token=" + GUPSHUP_CALLBACK_TOKEN).json(event("message-event-read.json")).send();
        assertThat(read.status()).as("the token may come in the URL").isEqualTo(200);
        JsonNode step = step(enrollmentId, 0);
        assertThat(step.get("state").asString()).isEqualTo("read");
        assertThat(step.get("read_at").asString()).isEqualTo("2020-02-01T08:44:50Z");

        assertThat(withHeaderToken(event("message-event-delivered.json")).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0)).as("a late delivered changes nothing").isEqualTo(step);
    }

    @Test
    void version3EventsMoveTheStepToo() {
        String enrollmentId = enrollOnGupshupAndSend();
        String delivered = fixture("gupshup/v3-status-enqueued.json").replace("2baff204-c39a-4121-90b5-f53f26d522b3", gupshupId)
                .replace("\"enqueued\"", "\"delivered\"");

        assertThat(withHeaderToken(delivered).status()).isEqualTo(200);

        JsonNode step = step(enrollmentId, 0);
        assertThat(step.get("state").asString()).isEqualTo("delivered");
        assertThat(step.get("delivered_at").asString()).isEqualTo("2024-03-20T13:29:53.420Z");
    }

    @Test
    void aFailedEventFailsTheStepWithGupshupsCodeAndItsMeaning() {
        String enrollmentId = enrollOnGupshupAndSend();

        assertThat(withHeaderToken(event("message-event-failed.json")).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        JsonNode step = enrollment.get("steps").get(0);
        assertThat(step.get("state").asString()).isEqualTo("failed");
        assertThat(step.get("provider_error_code").asString()).isEqualTo("1002");
        assertThat(step.get("error").asString()).contains("1002").contains("Number does not exist on WhatsApp");
        assertThat(enrollment.get("status").asString()).isEqualTo("failed");
    }

    @Test
    void anInboundTextIsPublishedForTheAppWithTheLeadsPhoneAsE164() {
        String body = edited("gupshup/message-text.json", root -> {
            ObjectNode payload = (ObjectNode) root.get("payload");
            payload.put("source", digits);
            ((ObjectNode) payload.get("sender")).put("phone", digits);
        });

        assertThat(withHeaderToken(body).status()).isEqualTo(200);

        assertThat(captured.inboundFrom(phone)).singleElement().satisfies(inbound -> {
            assertThat(inbound.channel()).isEqualTo(DeliveryChannel.WHATSAPP_GUPSHUP);
            assertThat(inbound.channelKey()).isEqualTo(GUPSHUP_APP);
            assertThat(inbound.text()).isEqualTo("Hi");
            assertThat(inbound.at()).isEqualTo(Instant.ofEpochMilli(1580227766370L));
        });
    }

    @Test
    void theDocumentedMaskedNumberIsNoPhoneAndBadJsonIsA400() {
        assertThat(withHeaderToken(fixture("gupshup/message-text.json")).status()).isEqualTo(200);
        assertThat(captured.inboundFrom("+918989821494")).isEmpty();

        ApiResponse bad = withHeaderToken("{\"type\": \"message\", ");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(withHeaderToken("{\"type\": \"billing-event\", \"payload\": {}}").status()).isEqualTo(200);
    }

    /** A documented event about this test's message: Gupshup's ID where the fixture has Gupshup's example one. */
    private String event(String fixture) {
        return fixture("gupshup/" + fixture).replace("ee4a68a0-1203-4c85-8dc3-49d0b3226a35", gupshupId)
                .replace("918x98xx21x4", digits);
    }

    private ApiResponse withHeaderToken(String body) {
        return api.request("POST", CALLBACK).header("X-Followup-Token", GUPSHUP_CALLBACK_TOKEN).json(body).send();
    }
}
