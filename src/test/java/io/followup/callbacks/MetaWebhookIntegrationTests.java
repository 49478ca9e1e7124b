package io.followup.callbacks;

import java.time.Duration;
import java.util.UUID;

import io.followup.delivery.DeliveryChannel;
import io.followup.support.ApiResponse;
import io.followup.support.ProviderEventsCapture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Meta's webhook: the verification handshake, signatures, and statuses on the steps that sent the messages. */
class MetaWebhookIntegrationTests extends WebhookFixture {

    @Autowired
    ProviderEventsCapture captured;

    @Test
    void theVerificationRequestIsAnsweredWithTheChallengeOnlyForOurToken() {
        ApiResponse ok = api.request("GET", "/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + META_VERIFY_TOKEN).send();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).startsWith("text/plain");
        assertThat(ok.body()).isEqualTo("1158201444");

        assertThat(api.request("GET", "/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")
                .send().status()).isEqualTo(403);
        assertThat(api.request("GET", "/webhooks/meta?hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token="
                + META_VERIFY_TOKEN).send().status()).isEqualTo(403);
        assertThat(api.request("GET", "/webhooks/meta?hub.challenge=1158201444").send().status()).isEqualTo(403);
    }

    @Test
    void aMissingOrWrongSignatureIs401AndChangesNothing() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);
        String delivered = metaStatus("webhook-status-delivered.json", firstWamid, null);

        ApiResponse unsigned = api.request("POST", "/webhooks/meta").json(delivered).send();
        ApiResponse otherSecret = api.request("POST", "/webhooks/meta").json(delivered)
                .header("X-Hub-Signature-256", "sha256=" + hmac("not-the-app-secret-at-all", delivered)).send();
        ApiResponse otherBody = api.request("POST", "/webhooks/meta").json(delivered.replace("delivered", "read"))
                .header("X-Hub-Signature-256", "sha256=" + hmac(META_APP_SECRET, delivered)).send();
        ApiResponse notHex = api.request("POST", "/webhooks/meta").json(delivered).header("X-Hub-Signature-256", "sha256=zz").send();

        for (ApiResponse refused : new ApiResponse[] {unsigned, otherSecret, otherBody, notHex}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        JsonNode step = step(enrollmentId, 0);
        assertThat(step.get("state").asString()).isEqualTo("sent");
        assertThat(step.get("delivered_at").isNull()).isTrue();
    }

    @Test
    void deliveredThenReadShowOnTheStepAndLateOrRepeatedStatusesNeverMoveItBack() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);
        assertThat(step(enrollmentId, 0).get("provider_message_id").asString()).isEqualTo(firstWamid);

        assertThat(postMeta(metaStatus("webhook-status-delivered.json", firstWamid, null)).status()).isEqualTo(200);
        JsonNode delivered = step(enrollmentId, 0);
        assertThat(delivered.get("state").asString()).isEqualTo("delivered");
        assertThat(delivered.get("delivered_at").asString()).isEqualTo("2025-06-18T16:23:10Z");

        assertThat(postMeta(metaStatus("webhook-status-read.json", firstWamid, null)).status()).isEqualTo(200);
        JsonNode read = step(enrollmentId, 0);
        assertThat(read.get("state").asString()).isEqualTo("read");
        assertThat(read.get("read_at").asString()).isEqualTo("2025-06-18T16:25:00Z");
        assertThat(read.get("delivered_at").asString()).isEqualTo("2025-06-18T16:23:10Z");

        assertThat(postMeta(metaStatus("webhook-status-delivered.json", firstWamid, null)).status()).isEqualTo(200);
        assertThat(postMeta(metaStatus("webhook-status-sent.json", firstWamid, null)).status()).isEqualTo(200);
        assertThat(postMeta(metaStatus("webhook-status-failed.json", firstWamid, null)).status()).isEqualTo(200);
        JsonNode after = enrollment(enrollmentId);
        assertThat(after.get("steps").get(0)).isEqualTo(read);
        assertThat(after.get("status").asString()).isEqualTo("active");
    }

    @Test
    void statusesBatchedInOneBodyApplyInTheirOrder() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);
        String body = edited("meta/webhook-status-delivered.json", root -> {
            ObjectNode value = (ObjectNode) root.get("entry").get(0).get("changes").get(0).get("value");
            ((ObjectNode) value.get("metadata")).put("phone_number_id", META_PHONE_NUMBER_ID);
            ObjectNode delivered = (ObjectNode) value.get("statuses").get(0);
            delivered.put("id", firstWamid);
            ObjectNode read = delivered.deepCopy();
            read.put("status", "read");
            read.put("timestamp", "1750263900");
            value.withArray("statuses").add(read);
        });

        assertThat(postMeta(body).status()).isEqualTo(200);

        JsonNode step = step(enrollmentId, 0);
        assertThat(step.get("state").asString()).isEqualTo("read");
        assertThat(step.get("delivered_at").asString()).isEqualTo("2025-06-18T16:23:10Z");
        assertThat(step.get("read_at").asString()).isEqualTo("2025-06-18T16:25:00Z");
    }

    /**
     * Meta batches notifications, "up to 3MB" (its webhooks page): a batch over the API's 64 KB body limit is still
     * taken, since a refused one would be retried and refused again, and its statuses lost. Past 3 MB it is a 413.
     */
    @Test
    void aBatchOfHundredsOfKilobytesIsTakenAndOnlyOneOverMetasThreeMegabytesIsRefused() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);
        String body = edited("meta/webhook-status-delivered.json", root -> {
            ObjectNode value = (ObjectNode) root.get("entry").get(0).get("changes").get(0).get("value");
            ((ObjectNode) value.get("metadata")).put("phone_number_id", META_PHONE_NUMBER_ID);
            ObjectNode ours = (ObjectNode) value.get("statuses").get(0);
            for (int i = 0; i < 1_500; i++) {
                value.withArray("statuses").add(ours.deepCopy().put("id", "wamid.someone-else-" + i));
            }
            ours.put("id", firstWamid);
        });
        assertThat(body.length()).as("well over the 64 KB of the APIs").isGreaterThan(256 * 1024);

        assertThat(postMeta(body).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0).get("state").asString()).isEqualTo("delivered");

        ApiResponse tooLarge = postMeta("{\"object\":\"whatsapp_business_account\",\"entry\":[],\"padding\":\""
                + "x".repeat(3 * 1024 * 1024) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aReadBeforeAnyDeliveredImpliesTheDelivery() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);

        assertThat(postMeta(metaStatus("webhook-status-read.json", firstWamid, null)).status()).isEqualTo(200);
        assertThat(postMeta(metaStatus("webhook-status-delivered.json", firstWamid, null)).status()).isEqualTo(200);

        JsonNode step = step(enrollmentId, 0);
        assertThat(step.get("state").asString()).isEqualTo("read");
        assertThat(step.get("read_at").asString()).isEqualTo("2025-06-18T16:25:00Z");
        assertThat(step.get("delivered_at").asString()).as("set by the read, not moved by the late delivered")
                .isEqualTo("2025-06-18T16:25:00Z");
    }

    @Test
    void statusesOfUnknownMessagesAndNumbersAreAcceptedAndIgnored() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);
        JsonNode before = step(enrollmentId, 0);

        assertThat(postMeta(metaStatus("webhook-status-delivered.json", "wamid.nobody-" + UUID.randomUUID(), null)).status())
                .isEqualTo(200);
        assertThat(postMeta(metaStatus("webhook-status-delivered.json", "wamid.x",
                "enrollment:" + UUID.randomUUID() + ":step:1")).status()).isEqualTo(200);
        String otherNumber = edited("meta/webhook-status-delivered.json", root -> {
            ObjectNode value = (ObjectNode) root.get("entry").get(0).get("changes").get(0).get("value");
            ((ObjectNode) value.get("statuses").get(0)).put("id", firstWamid);
        });
        assertThat(postMeta(otherNumber).status()).as("phone number ID 106540352242922 is no channel's").isEqualTo(200);
        assertThat(postMeta("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"account_update\","
                + "\"value\":{\"event\":\"VERIFIED_ACCOUNT\"}}]}],\"extra\":[1,2,3]}").status()).isEqualTo(200);

        assertThat(step(enrollmentId, 0)).isEqualTo(before);
    }

    @Test
    void aFailedStatusFailsTheStepAndTheEnrollmentAndTheNextStepDoesNotGoOut() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);
        long nextJob = step(enrollmentId, 1).get("job_id").asLong();

        assertThat(postMeta(metaStatus("webhook-status-failed.json", firstWamid, null)).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        JsonNode step = enrollment.get("steps").get(0);
        assertThat(step.get("state").asString()).isEqualTo("failed");
        assertThat(step.get("provider_error_code").asString()).isEqualTo("131026");
        assertThat(step.get("error").asString()).contains("131026").contains("Message undeliverable");
        assertThat(enrollment.get("status").asString()).isEqualTo("failed");
        assertThat(enrollment.get("steps").get(1).get("state").asString()).isEqualTo("cancelled");
        assertThat(jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, nextJob)).isEqualTo("cancelled");

        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> metaSends("reminder_v2") == 0);
    }

    @Test
    void malformedJsonWithAGoodSignatureIsA400ProblemNotA500() {
        for (String body : new String[] {"{\"entry\": [", "[1,2]", "\"text\"", "", "{\"entry\": [] } {"}) {
            ApiResponse answer = postMeta(body);
            assertThat(answer.status()).as("<" + body + "> -> " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get("body").asString()).isNotBlank();
        }
        assertThat(postMeta("{\"entry\": {\"changes\": 7}, \"object\": null}").status())
                .as("valid JSON of an unexpected shape carries nothing to apply").isEqualTo(200);
    }

    @Test
    void anInboundTextIsPublishedWithTheLeadsPhoneAsE164AndTheChannel() {
        String body = edited("meta/webhook-message-text.json", root -> {
            ObjectNode value = (ObjectNode) root.get("entry").get(0).get("changes").get(0).get("value");
            ((ObjectNode) value.get("metadata")).put("phone_number_id", META_PHONE_NUMBER_ID);
            ((ObjectNode) value.get("messages").get(0)).put("from", digits);
        });

        assertThat(postMeta(body).status()).isEqualTo(200);

        assertThat(captured.inboundFrom(phone)).singleElement().satisfies(inbound -> {
            assertThat(inbound.channel()).isEqualTo(DeliveryChannel.WHATSAPP_META);
            assertThat(inbound.channelKey()).isEqualTo(META_CHANNEL);
            assertThat(inbound.text()).isEqualTo("Does it come in another color?");
            assertThat(inbound.at()).isEqualTo(java.time.Instant.ofEpochSecond(1749416383));
            assertThat(inbound.providerMessageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
        });
    }

    @Test
    void anInboundMessageToANumberNoChannelSendsFromIsNotPublished() {
        String body = edited("meta/webhook-message-text.json", root -> ((ObjectNode) root.get("entry").get(0).get("changes")
                .get(0).get("value").get("messages").get(0)).put("from", digits));

        assertThat(postMeta(body).status()).isEqualTo(200);

        assertThat(captured.inboundFrom(phone)).as("phone number ID 106540352242922 is no channel's").isEmpty();
    }
}
