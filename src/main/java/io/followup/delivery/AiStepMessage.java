package io.followup.delivery;

import java.util.Map;
import java.util.UUID;

/**
 * An AI follow-up step for the assistant service to turn into a message and send.
 *
 * @param idempotencyKey the same for every attempt of one step, so a retried delivery is harmless
 * @param lead the lead data of the trigger event (first_name, phone, ...)
 */
public record AiStepMessage(
        UUID tenantId,
        UUID assistantId,
        String leadId,
        String channelId,
        UUID enrollmentId,
        int stepNumber,
        String prompt,
        String idempotencyKey,
        Map<String, String> lead) {
}
