package io.followup.delivery;

import java.util.Map;
import java.util.Optional;

/** Sends the steps of one channel; {@link StepSenders} finds it by {@link #channel()}. */
interface StepChannelSender {

    DeliveryChannel channel();

    /**
     * @return the provider's message ID, if it gave one
     * @throws DeliveryException when the send failed
     */
    String send(StepDelivery delivery);

    /**
     * The number the step is sent from, whose send rate it draws on ({@link SendRate}); empty for a channel
     * without one (the assistant service) or when the channel is not configured (the send then says so).
     */
    default Optional<SendRate.Sender> sender(StepDelivery delivery) {
        return Optional.empty();
    }

    /** The provider settings kept under {@code key} (a channel or app ID), or a permanent failure naming the channel. */
    static <T> T configured(Map<String, T> providers, String key, StepDelivery.Recipient to) {
        T found = key == null ? null : providers.get(key);
        if (found == null) {
            throw DeliveryException.noProvider(to);
        }
        return found;
    }
}
