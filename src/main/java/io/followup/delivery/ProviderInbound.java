package io.followup.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a lead sent to a business number, as a provider's callback reported it (Meta {@code messages},
 * Gupshup inbound message events). Published by the callbacks module; the enrollment module records the lead's
 * last inbound time (opening WhatsApp's 24-hour window), stops the lead's running enrollment on that channel, and
 * opts the lead out when the text is a stop keyword.
 *
 * @param channel {@link DeliveryChannel#WHATSAPP_META} or {@link DeliveryChannel#WHATSAPP_GUPSHUP}
 * @param channelKey who received it: for Meta the channel_id whose {@code phone-number-id} got the message, for
 *        Gupshup the app_id of the app
 * @param phone the lead's number as E.164 with {@code +} (normalised by the publisher)
 * @param at when the lead sent it, as the provider says
 * @param text the message text (bounded by the publisher), or null for media, reactions and the like
 * @param providerMessageId the provider's ID of the inbound message, for logs
 */
public record ProviderInbound(DeliveryChannel channel, String channelKey, String phone, Instant at, String text,
        String providerMessageId) {

    public ProviderInbound {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(channelKey, "channelKey");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(at, "at");
    }
}
