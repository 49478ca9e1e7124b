package io.followup.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver an event. {@code status} is pending, succeeded or failed; {@code createdAt} is when the attempt was
 * due, {@code attemptedAt} when it was made (null while pending).
 */
public record DeliveryView(UUID deliveryId, UUID eventId, String eventType, long sequence, int attempt, String status,
        Integer statusCode, Long latencyMs, String error, Instant createdAt, Instant attemptedAt) {
}
