package io.followup.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook_subscription row. */
record StoredSubscription(UUID id, WebhookAudience audience, String owner, String url, List<String> eventTypes, String secret,
        String previousSecret, Instant previousSecretExpiresAt, boolean active, String disabledReason, Instant disabledAt,
        Instant failingSince, Instant createdAt, Instant updatedAt) {

    /** The previous secret while its grace lasts, else null. */
    String previousSecretAt(Instant now) {
        return previousSecret != null && previousSecretExpiresAt.isAfter(now) ? previousSecret : null;
    }

    SubscriptionView view(Instant now) {
        Instant graceEnds = previousSecretAt(now) == null ? null : previousSecretExpiresAt;
        return new SubscriptionView(id, url, eventTypes, active, disabledReason, disabledAt, graceEnds, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "StoredSubscription[id=" + id + ", audience=" + audience + ", owner=" + owner + ", url=" + url + "]";
    }
}
