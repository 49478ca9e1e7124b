package io.followup.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static io.followup.webhooks.WebhookAudience.EXTERNAL;
import static org.assertj.core.api.Assertions.assertThat;

/** A receiver slower than the timeout: a context of its own with a 1 s timeout, so the test waits seconds, not 10. */
@TestPropertySource(properties = "followup.webhooks.timeout=1s")
class WebhookTimeoutIntegrationTests extends WebhookTestBase {

    @Test
    void aTimeoutIsAFailedAttemptRetriedWithTheSameEvent() {
        String owner = newOwner(EXTERNAL);
        String url = receiver.newUrl();
        receiver.answer(url, new WebhookReceiver.Answer(200, Duration.ofSeconds(3)));
        IssuedSubscription issued = subscribe(EXTERNAL, owner, url, WebhookEvents.FOLLOWUP_UPDATED);
        record(EXTERNAL, owner, WebhookEvents.FOLLOWUP_UPDATED, Map.of("id", "slow"), null);

        DeliveryView timedOut = awaitLog(EXTERNAL, owner, issued.subscription().id(), 2, "pending").get(1);
        assertThat(timedOut.status()).isEqualTo("failed");
        assertThat(timedOut.statusCode()).isNull();
        assertThat(timedOut.error()).startsWith("Timed out");
        assertThat(timedOut.latencyMs()).isBetween(1_000L, 2_900L);

        clock.advance(PAST_FIRST_RETRY);
        List<DeliveryView> log = awaitLog(EXTERNAL, owner, issued.subscription().id(), 2, "succeeded");

        assertThat(log.get(0).attempt()).isEqualTo(2);
        List<WebhookReceiver.Received> requests = receiver.received(url);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header("X-Webhook-Event-Id")).isEqualTo(requests.get(0).header("X-Webhook-Event-Id"))
                .isEqualTo(timedOut.eventId().toString());
        assertThat(requests.get(1).header("X-Webhook-Delivery-Id")).isEqualTo(log.get(0).deliveryId().toString());
    }
}
