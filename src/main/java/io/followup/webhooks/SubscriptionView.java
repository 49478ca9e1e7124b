package io.followup.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its owner sees it; never its secret. {@code eventTypes} is sorted. */
public record SubscriptionView(UUID id, String url, List<String> eventTypes, boolean active, String disabledReason,
        Instant disabledAt, Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {
}
