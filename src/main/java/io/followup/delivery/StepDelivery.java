package io.followup.delivery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One step to send, whatever its channel: who receives it, what it says, and the key that makes a retried
 * send harmless.
 *
 * @param idempotencyKey the same on every attempt of one step: {@link #idempotencyKey(UUID, int)}
 */
public record StepDelivery(DeliveryChannel channel, String idempotencyKey, UUID enrollmentId, int stepNumber,
        Recipient to, Content content) {

    public StepDelivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A step delivery needs its idempotency key");
        }
    }

    /** The one key of a step: its job's dedupe key and the idempotency key every provider sees. */
    public static String idempotencyKey(UUID enrollmentId, int stepNumber) {
        return "enrollment:" + enrollmentId + ":step:" + stepNumber;
    }

    /**
     * The lead and the channel it is on.
     *
     * @param appId the official channel's Gupshup app ID, or null
     * @param lead the lead data of the trigger event (first_name, phone, ...) placeholders resolve from
     */
    public record Recipient(UUID tenantId, UUID assistantId, String leadId, String channelId, String appId,
            Map<String, String> lead) {

        public Recipient {
            lead = lead == null ? Map.of() : lead;
        }
    }

    /**
     * What the step says, as snapshotted: a prompt for the assistant, a template for WhatsApp, or both.
     *
     * @param templateParams as configured, placeholders such as {@code {{LEAD_FIRSTNAME}}} not yet resolved
     * @param templateHeader the media of a template with a media header, or null
     */
    public record Content(String prompt, String templateName, String templateLanguage, List<String> templateParams,
            MediaHeader templateHeader) {

        public Content {
            templateParams = templateParams == null ? List.of() : List.copyOf(templateParams);
        }

        /** Content without a media header. */
        public Content(String prompt, String templateName, String templateLanguage, List<String> templateParams) {
            this(prompt, templateName, templateLanguage, templateParams, null);
        }
    }

    /**
     * The media of a template with an image, document or video header, sent by link: Meta's {@code header} component,
     * Gupshup's {@code message} object.
     *
     * @param type {@code image}, {@code document} or {@code video}, as the configuration validated it
     * @param link an https link the provider fetches the media from
     */
    public record MediaHeader(String type, String link) {

        public MediaHeader {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(link, "link");
        }
    }
}
