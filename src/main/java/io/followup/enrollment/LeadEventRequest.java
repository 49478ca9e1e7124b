package io.followup.enrollment;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A lead event: {@code lead.status_changed} (with channel_id, status_id and lead data), {@code lead.message_received}
 * or {@code lead.opted_out} (with channel_id). Checked in {@link LeadEventValidator} so every bad field is reported.
 */
public record LeadEventRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LeadEventValidator.MAX_EVENT_ID,
                description = "Unique per event: a repeated event_id is answered `duplicate` and changes nothing")
        @JsonProperty("event_id") String eventId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {STATUS_CHANGED, MESSAGE_RECEIVED, OPTED_OUT}) String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("assistant_id") UUID assistantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LeadEventValidator.MAX_LEAD_ID) @JsonProperty("lead_id") String leadId,
        @Schema(minLength = 1, maxLength = LeadEventValidator.MAX_CHANNEL_ID, description = "The lead's channel (WhatsApp business number). Required for lead.status_changed and "
                        + "lead.opted_out; optional for lead.message_received, where it names the channel whose 24-hour window "
                        + "the message opens (absent: the channel of the lead's running, else latest, enrollment with the assistant)")
        @JsonProperty("channel_id") String channelId,
        @Schema(description = "The lead's new status; required for lead.status_changed") @JsonProperty("status_id") UUID statusId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", description = "ISO 8601 with Z or an offset")
        @JsonProperty("occurred_at") String occurredAt,
        @Schema(format = "date-time", nullable = true, description = "lead.status_changed only, optional: when the lead last "
                + "wrote on this channel (ISO 8601 with Z or an offset). Opens WhatsApp's 24-hour window for free-form (AI) steps; "
                + "without it, and without a lead.message_received or an inbound webhook, the window is unknown, hence closed")
        @JsonProperty("last_inbound_at") String lastInboundAt,
        @Schema(description = "Lead data for template params such as {{LEAD_FIRSTNAME}} (from first_name): "
                + "string, number or boolean values of up to 1000 characters, keys up to 100",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Map<String, Object> lead) {

    static final String STATUS_CHANGED = "lead.status_changed";
    static final String MESSAGE_RECEIVED = "lead.message_received";
    static final String OPTED_OUT = "lead.opted_out";
}
