package io.followup.enrollment;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A lead event: {@code lead.status_changed} (with channel_id, status_id and lead data) or
 * {@code lead.message_received}. Checked in {@link LeadEventValidator} so every bad field is reported.
 */
public record LeadEventRequest(
        @JsonProperty("event_id") String eventId,
        String type,
        @JsonProperty("assistant_id") UUID assistantId,
        @JsonProperty("lead_id") String leadId,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("status_id") UUID statusId,
        @JsonProperty("occurred_at") String occurredAt,
        Map<String, Object> lead) {

    static final String STATUS_CHANGED = "lead.status_changed";
    static final String MESSAGE_RECEIVED = "lead.message_received";
}
