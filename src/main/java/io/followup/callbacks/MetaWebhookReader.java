package io.followup.callbacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.E164;
import io.followup.delivery.MetaPhoneNumbers;
import io.followup.delivery.ProviderInbound;
import io.followup.delivery.ProviderStatus;
import io.followup.text.ColumnText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The statuses and messages of a Meta webhook body: {@code entry[].changes[].value} with {@code metadata.phone_number_id},
 * {@code statuses[]} and {@code messages[]}, as Meta documents them:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/ and
 * the messages webhook reference beside it. Anything else (other fields, other status values, numbers no channel
 * sends from) is passed over.
 */
@Component
class MetaWebhookReader {

    private static final Logger log = LoggerFactory.getLogger(MetaWebhookReader.class);

    private final MetaPhoneNumbers phoneNumbers;

    MetaWebhookReader(MetaPhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /** {@link ProviderStatus} and {@link ProviderInbound} events, in the order of the body. */
    List<Object> read(JsonNode root) {
        List<Object> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String phoneNumberId = CallbackJson.text(value.path("metadata"), "phone_number_id", CallbackJson.MAX_ID);
                Optional<String> channel = phoneNumbers.channelOf(phoneNumberId);
                if (channel.isEmpty()) {
                    log.debug("Meta webhook for phone number ID {}, which no channel sends from: ignored", phoneNumberId);
                    continue;
                }
                value.path("statuses").forEach(status -> status(status).ifPresent(events::add));
                value.path("messages").forEach(message -> inbound(channel.get(), message).ifPresent(events::add));
            }
        }
        return events;
    }

    private static Optional<ProviderStatus> status(JsonNode status) {
        Optional<ProviderStatus.Kind> kind = StatusKinds.of(CallbackJson.text(status, "status", 20));
        Optional<Instant> at = CallbackJson.epochSeconds(status, "timestamp");
        if (kind.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        JsonNode error = status.path("errors").path(0);
        return Optional.of(new ProviderStatus(DeliveryChannel.WHATSAPP_META, CallbackJson.text(status, "id", CallbackJson.MAX_ID),
                CallbackJson.text(status, "biz_opaque_callback_data", CallbackJson.MAX_STEP_KEY), kind.get(), at.get(),
                kind.get() == ProviderStatus.Kind.FAILED ? CallbackJson.text(error, "code", 40) : null,
                kind.get() == ProviderStatus.Kind.FAILED ? errorText(error) : null));
    }

    /** Title, and the details when they say more: Meta's {@code errors[]} carry code, title, message and error_data.details. */
    private static String errorText(JsonNode error) {
        String title = CallbackJson.text(error, "title", CallbackJson.MAX_ERROR);
        String message = CallbackJson.text(error, "message", CallbackJson.MAX_ERROR);
        String details = CallbackJson.text(error.path("error_data"), "details", CallbackJson.MAX_ERROR);
        String text = title != null ? title : message;
        if (details != null && !details.equals(text)) {
            text = text == null ? details : text + ": " + details;
        }
        return text == null ? "Meta reported the message as failed" : ColumnText.fit(text, CallbackJson.MAX_ERROR);
    }

    private static Optional<ProviderInbound> inbound(String channelId, JsonNode message) {
        return inbound(DeliveryChannel.WHATSAPP_META, channelId, message, CallbackJson.epochSeconds(message, "timestamp"));
    }

    /**
     * A {@code messages[]} entry in the Cloud API's shape, which Gupshup's version 3 events use too (with times in
     * milliseconds, hence {@code at} read by the caller).
     */
    static Optional<ProviderInbound> inbound(DeliveryChannel channel, String channelKey, JsonNode message, Optional<Instant> at) {
        Optional<String> phone = E164.fromProvider(CallbackJson.text(message, "from", 40));
        if (phone.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        String text = "text".equals(CallbackJson.text(message, "type", 40))
                ? CallbackJson.text(message.path("text"), "body", CallbackJson.MAX_TEXT) : null;
        return Optional.of(new ProviderInbound(channel, channelKey, phone.get(), at.get(), text,
                CallbackJson.text(message, "id", CallbackJson.MAX_ID)));
    }
}
