package io.followup.collections;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of follow-up create ({@code POST}) and partial update ({@code PATCH}/{@code PUT}). Enums and
 * timestamps arrive as text so that every bad field is reported together, in the seed's words.
 */
public record FollowupRequest(
        @JsonProperty("debt_id") String debtId,
        String type,
        String status,
        @JsonProperty("call_date") String callDate,
        @JsonProperty("scheduled_at") String scheduledAt,
        String summary,
        String notes,
        @JsonProperty("call_id") String callId,
        @JsonProperty("audio_url") String audioUrl,
        @JsonProperty("pdf_url") String pdfUrl,
        @JsonProperty("duration_ms") Long durationMs,
        @JsonProperty("phone_number_used") String phoneNumberUsed,
        String direction,
        @JsonProperty("disconnection_reason") String disconnectionReason,
        @JsonProperty("is_retry") Boolean isRetry) {
}
