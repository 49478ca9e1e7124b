package io.followup.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.followup.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failed status that is not the lead's (throttling, the account's fault) puts the step back to be sent again, while
 * nothing after it went out; the lead's own failures, a completed enrollment and a step past the cap fail as before.
 */
class ProviderResendIntegrationTests extends WebhookFixture {

    private final String resentWamid = "wamid.resent-" + UUID.randomUUID();

    @Test
    void aGupshupWalletLowEventPutsTheStepBackAndItIsSentAgainAfterTheChannelFaultWait() {
        String enrollmentId = enrollOnGupshupAndSend();
        long nextJob = step(enrollmentId, 1).get("job_id").asLong();

        Instant before = clock.instant();
        assertThat(postGupshup(gupshupEvent("message-event-failed-1003.json")).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        JsonNode step = enrollment.get("steps").get(0);
        assertThat(step.get("state").asString()).isEqualTo("scheduled");
        assertThat(step.get("error").asString()).contains("1003").contains("Wallet Balance Low").contains("channel's fault");
        assertThat(Instant.parse(step.get("due_at").asString()))
                .isBetween(before.plus(Duration.ofMinutes(10)), clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(enrollment.get("status").asString()).isEqualTo("active");
        assertThat(enrollment.get("current_step").asInt()).isEqualTo(1);
        assertThat(enrollment.get("steps").get(1).get("state").asString()).isEqualTo("pending");
        assertThat(jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, nextJob)).isEqualTo("cancelled");

        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(step(enrollmentId, 0).get("state").asString()));
        assertThat(gupshupSends()).isEqualTo(2);
        assertThat(step(enrollmentId, 1).get("state").asString()).as("the next step waits its interval again").isEqualTo("scheduled");

        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(enrollment(enrollmentId).get("status").asString()));
        assertThat(gupshupSends()).isEqualTo(3);
    }

    @Test
    void aMetaThrottledStatusPutsTheStepBackAndALateStatusOfTheFailedMessageDoesNotMoveIt() {
        String enrollmentId = enrollOnMeta();
        stubResendAnswersWithANewId();
        sendFirstStep(enrollmentId);

        Instant before = clock.instant();
        assertThat(postMeta(metaStatus("webhook-status-failed-130429.json", firstWamid, null)).status()).isEqualTo(200);

        JsonNode step = step(enrollmentId, 0);
        assertThat(step.get("state").asString()).isEqualTo("scheduled");
        assertThat(step.get("error").asString()).contains("130429").contains("Rate limit hit").contains("re-send 1 of 5");
        assertThat(Instant.parse(step.get("due_at").asString()))
                .isBetween(before.plus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(enrollment(enrollmentId).get("status").asString()).isEqualTo("active");
        assertThat(step(enrollmentId, 1).get("state").asString()).isEqualTo("pending");

        String stepKey = "enrollment:" + enrollmentId + ":step:1";
        assertThat(postMeta(metaStatus("webhook-status-sent.json", firstWamid, stepKey)).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0)).as("a late 'sent' of the failed message is not taken for the re-send").isEqualTo(step);

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(step(enrollmentId, 0).get("state").asString()));
        assertThat(metaSends("reengagement_v1")).isEqualTo(2);
        assertThat(step(enrollmentId, 0).get("provider_message_id").asString()).isEqualTo(resentWamid);
        assertThat(sentWithStepKey(stepKey)).as("Meta echoes the same step key on the re-send").isEqualTo(2);

        JsonNode resent = step(enrollmentId, 0);
        assertThat(postMeta(metaStatus("webhook-status-failed.json", firstWamid, stepKey)).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0)).as("a late failure of the first message").isEqualTo(resent);
        assertThat(postMeta(metaStatus("webhook-status-delivered.json", resentWamid, stepKey)).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0).get("state").asString()).isEqualTo("delivered");

        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> metaSends("reminder_v2") == 1);
    }

    @Test
    void channelFaultsDoNotCountTowardTheCap() {
        String enrollmentId = enrollOnGupshupAndSend();

        for (int fault = 1; fault <= 6; fault++) {
            assertThat(postGupshup(gupshupEvent("message-event-failed-1003.json")).status()).isEqualTo(200);
            assertThat(step(enrollmentId, 0).get("state").asString()).as("wallet low number " + fault).isEqualTo("scheduled");
            clock.advance(Duration.ofMinutes(10));
            int sends = fault + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> gupshupSends() == sends
                    && "sent".equals(step(enrollmentId, 0).get("state").asString()));
        }
        assertThat(enrollment(enrollmentId).get("status").asString()).isEqualTo("active");
    }

    @Test
    void metasEcosystemLimitWaitsADayBeforeTheResend() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);

        Instant before = clock.instant();
        assertThat(postMeta(metaStatus("webhook-status-failed-131049.json", firstWamid, null)).status()).isEqualTo(200);

        JsonNode step = step(enrollmentId, 0);
        assertThat(step.get("state").asString()).isEqualTo("scheduled");
        assertThat(step.get("error").asString()).contains("131049").contains("healthy ecosystem").contains("re-send 1 of 5");
        assertThat(Instant.parse(step.get("due_at").asString()))
                .isBetween(before.plus(Duration.ofHours(24)), clock.instant().plus(Duration.ofHours(24)));
        clock.advance(Duration.ofHours(23));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> metaSends("reengagement_v1") == 1);
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> metaSends("reengagement_v1") == 2);
    }

    @Test
    void afterTheLastAllowedResendTheNextThrottledStatusFailsTheStepForGood() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);

        for (int resend = 1; resend <= 5; resend++) {
            assertThat(postMeta(metaStatus("webhook-status-failed-130429.json", firstWamid, null)).status()).isEqualTo(200);
            assertThat(step(enrollmentId, 0).get("error").asString()).contains("re-send " + resend + " of 5");
            clock.advance(Duration.ofMinutes(30)); // past the longest backoff (30m), short of the next step's hour
            int sends = resend + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> metaSends("reengagement_v1") == sends
                    && "sent".equals(step(enrollmentId, 0).get("state").asString()));
        }
        assertThat(postMeta(metaStatus("webhook-status-failed-130429.json", firstWamid, null)).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        assertThat(enrollment.get("steps").get(0).get("state").asString()).isEqualTo("failed");
        assertThat(enrollment.get("steps").get(0).get("provider_error_code").asString()).isEqualTo("130429");
        assertThat(enrollment.get("status").asString()).isEqualTo("failed");
        assertThat(enrollment.get("steps").get(1).get("state").asString()).isEqualTo("cancelled");
        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> metaSends("reengagement_v1") == 6);
    }

    @Test
    void aThrottledStatusAfterTheNextStepWentOutOrForTheLastStepFailsAsBefore() {
        String enrollmentId = enrollOnMeta();
        sendFirstStep(enrollmentId);
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(enrollment(enrollmentId).get("status").asString()));

        assertThat(postMeta(metaStatus("webhook-status-failed-130429.json", firstWamid, null)).status()).isEqualTo(200);
        assertThat(step(enrollmentId, 0).get("state").asString()).as("the step after it went out").isEqualTo("failed");
        assertThat(postMeta(metaStatus("webhook-status-failed-130429.json", secondWamid, null)).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        assertThat(enrollment.get("steps").get(1).get("state").asString()).isEqualTo("failed");
        assertThat(enrollment.get("status").asString()).isEqualTo("failed");
        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> metaSends("reengagement_v1") == 1 && metaSends("reminder_v2") == 1);
    }

    /** The next step's job has started: its message may be on its way, so the failed step cannot go before it. */
    @Test
    void aThrottledStatusWhileTheNextStepIsBeingSentFailsAsBefore() {
        String enrollmentId = enrollOnMeta();
        stubMetaSend("reminder_v2", okJson("{\"messages\":[{\"id\":\"" + secondWamid + "\"}]}").withFixedDelay(2_000));
        sendFirstStep(enrollmentId);
        long nextJob = step(enrollmentId, 1).get("job_id").asLong();
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "running".equals(jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, nextJob)));

        assertThat(postMeta(metaStatus("webhook-status-failed-130429.json", firstWamid, null)).status()).isEqualTo(200);

        JsonNode enrollment = enrollment(enrollmentId);
        assertThat(enrollment.get("steps").get(0).get("state").asString()).isEqualTo("failed");
        assertThat(enrollment.get("status").asString()).isEqualTo("failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> secondWamid.equals(step(enrollmentId, 1).path("provider_message_id").asString()));
        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> metaSends("reengagement_v1") == 1 && metaSends("reminder_v2") == 1);
    }

    /** The first send of the first step answers {@code firstWamid}, every later one {@code resentWamid}. */
    private void stubResendAnswersWithANewId() {
        stub.stubFor(post(urlEqualTo(META_SEND)).inScenario("resend-" + digits).whenScenarioStateIs(STARTED)
                .withRequestBody(matchingJsonPath("$.to", equalTo(digits)))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("reengagement_v1")))
                .willReturn(okJson("{\"messages\":[{\"id\":\"" + firstWamid + "\"}]}")).willSetStateTo("sent"));
        stub.stubFor(post(urlEqualTo(META_SEND)).inScenario("resend-" + digits).whenScenarioStateIs("sent")
                .withRequestBody(matchingJsonPath("$.to", equalTo(digits)))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("reengagement_v1")))
                .willReturn(okJson("{\"messages\":[{\"id\":\"" + resentWamid + "\"}]}")));
    }

    private int sentWithStepKey(String stepKey) {
        return stub.findAll(postRequestedFor(urlEqualTo(META_SEND))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(stepKey)))).size();
    }

    private int gupshupSends() {
        return stub.findAll(postRequestedFor(urlEqualTo(GUPSHUP_SEND)).withRequestBody(containing("destination=" + digits))).size();
    }

    /** A documented Gupshup event about this test's message. */
    private String gupshupEvent(String fixture) {
        return fixture("gupshup/" + fixture).replace("ee4a68a0-1203-4c85-8dc3-49d0b3226a35", gupshupId)
                .replace("918x98xx21x4", digits);
    }

    private ApiResponse postGupshup(String body) {
        return api.request("POST", "/webhooks/gupshup/" + GUPSHUP_APP).header("X-Followup-Token", GUPSHUP_CALLBACK_TOKEN).json(body).send();
    }
}
