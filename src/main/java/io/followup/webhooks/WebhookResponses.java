package io.followup.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.external.ExternalTimes;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the subscription endpoints of both surfaces answer; times ISO 8601 with their offset, as the external API writes them. */
final class WebhookResponses {

    private WebhookResponses() {
    }

    @Schema(name = "WebhookResponse")
    record Subscription(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("event_types") List<String> eventTypes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "false: paused by its owner, or disabled for failing "
                    + "(see disabled_reason); no events are recorded for it meanwhile") boolean active,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @JsonProperty("disabled_reason") String disabledReason,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "2026-12-02T10:00:00+00:00")
            @JsonProperty("disabled_at") String disabledAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "2026-12-03T10:00:00+00:00",
                    description = "Until when the previous secret's signature is sent too; null when there is none")
            @JsonProperty("previous_secret_expires_at") String previousSecretExpiresAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-02T10:00:00+00:00") @JsonProperty("created_at") String createdAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-02T10:00:00+00:00") @JsonProperty("updated_at") String updatedAt) {

        static Subscription from(SubscriptionView view) {
            return new Subscription(view.id(), view.url(), view.eventTypes(), view.active(), view.disabledReason(), time(view.disabledAt()),
                    time(view.previousSecretExpiresAt()), time(view.createdAt()), time(view.updatedAt()));
        }
    }

    @Schema(name = "WebhookSecretResponse", description = "A subscription with its new signing secret: shown only here")
    record WithSecret(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5f2c9a...64 hex characters",
                    description = "The HMAC-SHA256 key of the signatures; store it now") String secret,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Subscription webhook) {

        static WithSecret from(IssuedSubscription issued) {
            return new WithSecret(issued.secret(), Subscription.from(issued.subscription()));
        }

        @Override
        public String toString() {
            return "WithSecret[secret=****, webhook=" + webhook + "]";
        }
    }

    @Schema(name = "WebhookDeliveryResponse")
    record Delivery(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("delivery_id") UUID deliveryId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("event_id") UUID eventId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "debt.created") @JsonProperty("event_type") String eventType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The event's place among its subscription's, from 1")
            long sequence,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 for the first try") int attempt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"pending", "succeeded", "failed"}) String status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "What the endpoint answered; null "
                    + "without an answer (timeout, connection refused) or while pending") @JsonProperty("status_code") Integer statusCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @JsonProperty("latency_ms") Long latencyMs,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String error,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-02T10:00:00+00:00", description = "When it was due")
            @JsonProperty("created_at") String createdAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "2026-12-02T10:00:00.120000+00:00")
            @JsonProperty("attempted_at") String attemptedAt) {

        static Delivery from(DeliveryView view) {
            return new Delivery(view.deliveryId(), view.eventId(), view.eventType(), view.sequence(), view.attempt(), view.status(),
                    view.statusCode(), view.latencyMs(), view.error(), time(view.createdAt()), time(view.attemptedAt()));
        }
    }

    /** The delete's answer, as the external API's other deletes: no {@code data}. */
    @Schema(name = "WebhookDeleted")
    record Deleted(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Always false on success") boolean error,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Webhook deleted successfully") String message) {

        static final Deleted INSTANCE = new Deleted(false, "Webhook deleted successfully");
    }

    private static String time(Instant instant) {
        return instant == null ? null : ExternalTimes.format(instant);
    }
}
