package io.followup.delivery;

/** Sends follow-up steps out of the service. */
public interface StepSender {

    /**
     * Posts an AI step to the assistant service, signed.
     * @return the assistant service's message ID, if it gave one
     * @throws DeliveryException when the send failed
     */
    String sendAi(AiStepMessage message);

    /**
     * Sends a WhatsApp template through the channel's provider (Meta Cloud API or Gupshup).
     * @return the provider's message ID, if it gave one
     * @throws DeliveryException when the send failed, including a placeholder with no value (permanent)
     */
    String sendTemplate(TemplateStepMessage message);
}
