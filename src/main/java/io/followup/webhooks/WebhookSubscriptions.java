package io.followup.webhooks;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** The subscriptions of an owner, for the controllers. Another owner's ID is a 404, like a missing one. */
@Service
public class WebhookSubscriptions {

    public IssuedSubscription create(WebhookAudience audience, String owner, String url, Set<String> eventTypes) {
        throw new UnsupportedOperationException("not yet");
    }

    public Page<SubscriptionView> list(WebhookAudience audience, String owner, int page, int size) {
        throw new UnsupportedOperationException("not yet");
    }

    public SubscriptionView get(WebhookAudience audience, String owner, UUID id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** null = unchanged; active=true also re-enables a subscription disabled for failing. */
    public SubscriptionView update(WebhookAudience audience, String owner, UUID id, String url, Set<String> eventTypes,
            Boolean active) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Its pending deliveries stop. */
    public void delete(WebhookAudience audience, String owner, UUID id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** @param grace PT0S..P7D; null means 24 hours */
    public IssuedSubscription rotateSecret(WebhookAudience audience, String owner, UUID id, Duration grace) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Newest first. */
    public Page<DeliveryView> deliveries(WebhookAudience audience, String owner, UUID id, int page, int size) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A new attempt of that delivery's event, due now. */
    public DeliveryView redeliver(WebhookAudience audience, String owner, UUID id, UUID deliveryId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes a webhook.test event for this subscription through the same path as any event. */
    public DeliveryView sendTest(WebhookAudience audience, String owner, UUID id) {
        throw new UnsupportedOperationException("not yet");
    }
}
