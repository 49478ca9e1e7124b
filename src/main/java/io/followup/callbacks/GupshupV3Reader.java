package io.followup.callbacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.ProviderInbound;
import io.followup.delivery.ProviderStatus;
import io.followup.text.ColumnText;
import tools.jackson.databind.JsonNode;

/**
 * Gupshup's version 3 callbacks: Meta's shape ({@code entry[].changes[].value} with {@code statuses[]} and
 * {@code messages[]}) plus {@code gs_app_id} and, on each status, {@code gs_id}, Gupshup's message ID, which is what
 * the step keeps (https://partner-docs.gupshup.io/docs/events). Gupshup writes its timestamps in milliseconds there,
 * Meta's in seconds; both are read.
 */
final class GupshupV3Reader {

    private GupshupV3Reader() {
    }

    static List<Object> read(String appId, JsonNode root) {
        List<Object> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                value.path("statuses").forEach(status -> status(status).ifPresent(events::add));
                value.path("messages").forEach(message -> inbound(appId, message).ifPresent(events::add));
            }
        }
        return events;
    }

    private static Optional<ProviderStatus> status(JsonNode status) {
        Optional<ProviderStatus.Kind> kind = StatusKinds.of(CallbackJson.text(status, "status", 20));
        Optional<Instant> at = CallbackJson.epochSecondsOrMillis(status, "timestamp");
        String messageId = Optional.ofNullable(CallbackJson.text(status, "gs_id", CallbackJson.MAX_ID))
                .orElse(CallbackJson.text(status, "id", CallbackJson.MAX_ID));
        if (kind.isEmpty() || at.isEmpty() || messageId == null) {
            return Optional.empty();
        }
        boolean failed = kind.get() == ProviderStatus.Kind.FAILED;
        JsonNode error = status.path("errors").path(0);
        String code = failed ? CallbackJson.text(error, "code", 40) : null;
        String reason = Optional.ofNullable(CallbackJson.text(error, "title", CallbackJson.MAX_ERROR))
                .orElse(CallbackJson.text(error, "message", CallbackJson.MAX_ERROR));
        return Optional.of(new ProviderStatus(DeliveryChannel.WHATSAPP_GUPSHUP, messageId, null, kind.get(), at.get(), code,
                failed ? ColumnText.fit(GupshupErrors.describe(code, reason), CallbackJson.MAX_ERROR) : null));
    }

    private static Optional<ProviderInbound> inbound(String appId, JsonNode message) {
        return MetaWebhookReader.inbound(DeliveryChannel.WHATSAPP_GUPSHUP, appId, message,
                CallbackJson.epochSecondsOrMillis(message, "timestamp"));
    }
}
