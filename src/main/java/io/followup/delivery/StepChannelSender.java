package io.followup.delivery;

/** Sends the steps of one channel; {@link StepSenders} finds it by {@link #channel()}. */
interface StepChannelSender {

    DeliveryChannel channel();

    /**
     * @return the provider's message ID, if it gave one
     * @throws DeliveryException when the send failed
     */
    String send(StepDelivery delivery);
}
