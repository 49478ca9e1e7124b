package io.followup.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A WhatsApp template step for an official channel.
 *
 * @param appId the channel's Gupshup app ID (from the configuration's official_steps)
 * @param params the template parameters as configured, placeholders such as {@code {{LEAD_FIRSTNAME}}}
 *        not yet resolved
 * @param lead the lead data of the trigger event that placeholders resolve from
 */
public record TemplateStepMessage(
        UUID tenantId,
        UUID assistantId,
        String leadId,
        String channelId,
        String appId,
        UUID enrollmentId,
        int stepNumber,
        String templateName,
        String templateLanguage,
        List<String> params,
        String idempotencyKey,
        Map<String, String> lead) {
}
