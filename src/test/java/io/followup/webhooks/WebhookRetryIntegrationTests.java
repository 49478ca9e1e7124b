package io.followup.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.support.Eventually;
import org.junit.jupiter.api.Test;

import static io.followup.webhooks.WebhookAudience.BACKEND;
import static io.followup.webhooks.WebhookAudience.EXTERNAL;
import static org.assertj.core.api.Assertions.assertThat;

/** Failed attempts, their retries on the schedule, redelivery, the test event, and disabling a failing subscription. */
class WebhookRetryIntegrationTests extends WebhookTestBase {

    @Test
    void a500IsRetriedAfterAMinuteWithTheSameEventAndANewDelivery() {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        receiver.answer(url, new WebhookReceiver.Answer(500, Duration.ZERO));
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.DEBT_CREATED);
        record(EXTERNAL, owner, WebhookEvents.DEBT_CREATED, Map.of("id", "d-500"), null);

        List<DeliveryView> afterFailure = awaitLog(EXTERNAL, owner, issued.subscription().id(), 2, "pending");
        DeliveryView failed = afterFailure.get(1);
        DeliveryView retry = afterFailure.get(0);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.latencyMs()).isNotNull();
        assertThat(failed.error()).contains("500");
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.eventId()).isEqualTo(failed.eventId());
        assertThat(retry.createdAt()).isEqualTo(failed.attemptedAt().plus(Duration.ofMinutes(1)));
        assertThat(receiver.received(url)).hasSize(1);

        clock.advance(PAST_FIRST_RETRY);
        List<DeliveryView> log = awaitLog(EXTERNAL, owner, issued.subscription().id(), 2, "succeeded");

        assertThat(log.get(0).statusCode()).isEqualTo(200);
        List<WebhookReceiver.Received> requests = receiver.received(url);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header("X-Webhook-Event-Id")).isEqualTo(requests.get(0).header("X-Webhook-Event-Id"));
        assertThat(requests.get(1).header("X-Webhook-Delivery-Id")).isNotEqualTo(requests.get(0).header("X-Webhook-Delivery-Id"))
                .isEqualTo(retry.deliveryId().toString());
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(jdbc.queryForObject("SELECT failing_since FROM webhook_subscription WHERE id = ?", Object.class,
                issued.subscription().id())).as("a success ends the failing window").isNull();
    }

    @Test
    void aRefusedConnectionIsAFailedAttemptWithoutStatusCode() {
        String owner = newOwner(BACKEND);
        // Port 1 (tcpmux) has no listener here: the connection is refused.
        IssuedSubscription issued = subscribe(BACKEND, owner, "http://127.0.0.1:1/hook", WebhookEvents.LEAD_OPTED_OUT);
        record(BACKEND, owner, WebhookEvents.LEAD_OPTED_OUT, Map.of("lead_id", "l-1"), null);

        DeliveryView failed = awaitLog(BACKEND, owner, issued.subscription().id(), 2, "pending").get(1);

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.statusCode()).isNull();
        assertThat(failed.error()).startsWith("Connection failed");
        assertThat(failed.latencyMs()).isNotNull();
    }

    @Test
    void redeliverPostsTheSameEventAgainNow() {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.FOLLOWUP_COMPLETED);
        record(EXTERNAL, owner, WebhookEvents.FOLLOWUP_COMPLETED, Map.of("id", "f-9"), null);
        DeliveryView first = awaitLog(EXTERNAL, owner, issued.subscription().id(), 1, "succeeded").get(0);

        DeliveryView again = subscriptions.redeliver(EXTERNAL, owner, issued.subscription().id(), first.deliveryId());

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(again.deliveryId()).isNotEqualTo(first.deliveryId());
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo("pending");
        awaitReceived(url, 2);
        List<WebhookReceiver.Received> requests = receiver.received(url);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(requests.get(1).header("X-Webhook-Delivery-Id")).isEqualTo(again.deliveryId().toString());
        assertThat(WebhookReceiver.getBillSignatureValid(requests.get(1).header("X-GetBill-Signature"), issued.secret(),
                requests.get(1).body())).isTrue();
        assertThat(awaitLog(EXTERNAL, owner, issued.subscription().id(), 2, "succeeded").get(0).deliveryId())
                .isEqualTo(again.deliveryId());
    }

    @Test
    void sendTestPostsAWebhookTestEventWhateverTheTypes() {
        String owner = newOwner(BACKEND);
        String url = receiver.newUrl();
        IssuedSubscription issued = subscribe(BACKEND, owner, url, WebhookEvents.ENROLLMENT_STARTED);

        DeliveryView test = subscriptions.sendTest(BACKEND, owner, issued.subscription().id());

        assertThat(test.eventType()).isEqualTo("webhook.test");
        assertThat(test.sequence()).isEqualTo(1);
        awaitReceived(url, 1);
        WebhookReceiver.Received request = receiver.received(url).get(0);
        assertThat(event(request).get("type").asString()).isEqualTo("webhook.test");
        assertThat(event(request).get("data").get("subscription_id").asString()).isEqualTo(issued.subscription().id().toString());
        assertThat(WebhookReceiver.followupSignatureValid(request.header("X-Followup-Signature"),
                request.header("X-Followup-Timestamp"), issued.secret(), request.body())).isTrue();
        awaitLog(BACKEND, owner, issued.subscription().id(), 1, "succeeded");
    }

    @Test
    void aSubscriptionFailingForADayIsDisabledUntilReEnabled() {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        receiver.answer(url, new WebhookReceiver.Answer(503, Duration.ZERO), new WebhookReceiver.Answer(503, Duration.ZERO));
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.DEBT_STATUS_CHANGED);
        record(EXTERNAL, owner, WebhookEvents.DEBT_STATUS_CHANGED, Map.of("id", "d-down"), null);
        awaitLog(EXTERNAL, owner, issued.subscription().id(), 2, "pending");
        assertThat(subscriptions.get(EXTERNAL, owner, issued.subscription().id()).active()).isTrue();

        clock.advance(Duration.ofHours(25));
        Eventually.until("the subscription is disabled",
                () -> !subscriptions.get(EXTERNAL, owner, issued.subscription().id()).active());

        SubscriptionView disabled = subscriptions.get(EXTERNAL, owner, issued.subscription().id());
        assertThat(disabled.disabledReason()).isEqualTo("Every delivery failed for 24h");
        assertThat(disabled.disabledAt()).isNotNull();
        List<DeliveryView> log = log(EXTERNAL, owner, issued.subscription().id());
        assertThat(log).extracting(DeliveryView::status).containsExactly("failed", "failed");
        assertThat(log.get(0).statusCode()).isEqualTo(503);
        record(EXTERNAL, owner, WebhookEvents.DEBT_STATUS_CHANGED, Map.of("id", "while-disabled"), null);
        assertThat(log(EXTERNAL, owner, issued.subscription().id())).hasSize(2);

        SubscriptionView enabled = subscriptions.update(EXTERNAL, owner, issued.subscription().id(), null, null, true);
        assertThat(enabled.active()).isTrue();
        assertThat(enabled.disabledReason()).isNull();
        assertThat(enabled.disabledAt()).isNull();
        record(EXTERNAL, owner, WebhookEvents.DEBT_STATUS_CHANGED, Map.of("id", "after"), null);
        DeliveryView resumed = awaitLog(EXTERNAL, owner, issued.subscription().id(), 3, "succeeded").get(0);
        assertThat(resumed.sequence()).as("the event recorded while disabled was not numbered").isEqualTo(2);
    }

    @Test
    void pendingRetriesOfAnInactiveSubscriptionAreNotSentAndADeletedOnesVanish() {
        String owner = newOwner(BACKEND);
        String pausedUrl = receiver.newUrl();
        String deletedUrl = receiver.newUrl();
        receiver.answer(pausedUrl, new WebhookReceiver.Answer(500, Duration.ZERO));
        receiver.answer(deletedUrl, new WebhookReceiver.Answer(500, Duration.ZERO));
        IssuedSubscription paused = subscribe(BACKEND, owner, pausedUrl, WebhookEvents.STEP_FAILED);
        IssuedSubscription deleted = subscribe(BACKEND, owner, deletedUrl, WebhookEvents.STEP_FAILED);
        record(BACKEND, owner, WebhookEvents.STEP_FAILED, Map.of("error", "x"), null);
        awaitLog(BACKEND, owner, paused.subscription().id(), 2, "pending");
        UUID deletedRetry = awaitLog(BACKEND, owner, deleted.subscription().id(), 2, "pending").get(0).deliveryId();

        subscriptions.update(BACKEND, owner, paused.subscription().id(), null, null, false);
        subscriptions.delete(BACKEND, owner, deleted.subscription().id());
        clock.advance(PAST_FIRST_RETRY);

        DeliveryView unsent = awaitLog(BACKEND, owner, paused.subscription().id(), 2, "failed").get(0);
        assertThat(unsent.error()).isEqualTo("Not sent: the subscription is inactive");
        assertThat(unsent.statusCode()).isNull();
        Eventually.until("the deleted subscription's retry job ran", () -> "succeeded".equals(jdbc.queryForObject(
                "SELECT status FROM job WHERE dedupe_key = ?", String.class, DeliveryStore.JOB_KIND + ":" + deletedRetry)));
        assertThat(receiver.received(pausedUrl)).hasSize(1);
        assertThat(receiver.received(deletedUrl)).hasSize(1);
    }
}
