package io.followup.callbacks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.E164;
import io.followup.delivery.ProviderInbound;
import io.followup.delivery.ProviderStatus;
import io.followup.text.ColumnText;
import tools.jackson.databind.JsonNode;

/**
 * Gupshup's callback bodies (version 2): {@code type: message-event} for what became of a message we sent
 * (https://partner-docs.gupshup.io/docs/v3-message-events, "enqueued"/"failed"/"sent"/"delivered"/"read") and
 * {@code type: message} for what a lead wrote (https://docs.gupshup.io/docs/types-of-payload). A message event
 * names our message by {@code payload.gsId}, Gupshup's message ID, which is the {@code messageId} its send answered
 * and the step keeps; {@code payload.id} is that same ID for enqueued and failed events and WhatsApp's own for the
 * others, so it is the fallback (events more than a week late carry no gsId and match no step). A body in Meta's
 * shape ({@code entry}) is a version 3 callback, read by {@link GupshupV3Reader}.
 */
final class GupshupEventReader {

    private GupshupEventReader() {
    }

    static List<Object> read(String appId, JsonNode root) {
        if (root.has("entry")) {
            return GupshupV3Reader.read(appId, root);
        }
        String type = CallbackJson.text(root, "type", 40);
        JsonNode payload = root.path("payload");
        Optional<Instant> sentAt = CallbackJson.epochMillis(root, "timestamp");
        if ("message-event".equals(type)) {
            return status(payload, sentAt).<List<Object>>map(List::of).orElse(List.of());
        }
        if ("message".equals(type)) {
            return inbound(appId, payload, sentAt).<List<Object>>map(List::of).orElse(List.of());
        }
        return List.of(); // user-event, billing-event, ...: nothing a step records
    }

    private static Optional<ProviderStatus> status(JsonNode event, Optional<Instant> sentAt) {
        Optional<ProviderStatus.Kind> kind = StatusKinds.of(CallbackJson.text(event, "type", 20));
        JsonNode detail = event.path("payload");
        Optional<Instant> at = CallbackJson.epochSeconds(detail, "ts").or(() -> sentAt);
        String messageId = Optional.ofNullable(CallbackJson.text(event, "gsId", CallbackJson.MAX_ID))
                .orElse(CallbackJson.text(event, "id", CallbackJson.MAX_ID));
        if (kind.isEmpty() || at.isEmpty() || messageId == null) {
            return Optional.empty();
        }
        boolean failed = kind.get() == ProviderStatus.Kind.FAILED;
        String code = failed ? CallbackJson.text(detail, "code", 40) : null;
        String error = failed ? ColumnText.fit(GupshupErrors.describe(code,
                CallbackJson.text(detail, "reason", CallbackJson.MAX_ERROR)), CallbackJson.MAX_ERROR) : null;
        return Optional.of(new ProviderStatus(DeliveryChannel.WHATSAPP_GUPSHUP, messageId, null, kind.get(), at.get(), code, error));
    }

    private static Optional<ProviderInbound> inbound(String appId, JsonNode message, Optional<Instant> at) {
        Optional<String> phone = E164.fromProvider(Optional.ofNullable(CallbackJson.text(message.path("sender"), "phone", 40))
                .orElse(CallbackJson.text(message, "source", 40)));
        if (phone.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        String text = "text".equals(CallbackJson.text(message, "type", 40))
                ? CallbackJson.text(message.path("payload"), "text", CallbackJson.MAX_TEXT) : null;
        return Optional.of(new ProviderInbound(DeliveryChannel.WHATSAPP_GUPSHUP, appId, phone.get(), at.get(), text,
                CallbackJson.text(message, "id", CallbackJson.MAX_ID)));
    }
}
