package io.followup.delivery;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a step reaches the lead; each channel has one {@link StepChannelSender} and one provider. */
public enum DeliveryChannel {
    /** A free-form message the assistant service writes from the step's prompt and sends. */
    ASSISTANT("The assistant service"),
    /** A WhatsApp template through Gupshup, by the official channel's app ID. */
    WHATSAPP_GUPSHUP("Gupshup"),
    /** A WhatsApp template through Meta's Cloud API, for the channels listed in {@code followup.delivery.meta.channels}. */
    WHATSAPP_META("Meta");

    private final String provider;

    DeliveryChannel(String provider) {
        this.provider = provider;
    }

    /** Who is called, for messages and for the per-provider cap on sends in flight. */
    String provider() {
        return provider;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static DeliveryChannel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
