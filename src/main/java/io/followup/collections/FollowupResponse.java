package io.followup.collections;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;

/** A follow-up as the seed's example response shows it, field for field and in that order. */
public record FollowupResponse(
        String id,
        @JsonProperty("debt_id") String debtId,
        String status,
        String type,
        @JsonProperty("call_date") String callDate,
        @JsonProperty("scheduled_at") String scheduledAt,
        String summary,
        String notes,
        @JsonProperty("call_id") String callId,
        @JsonProperty("audio_url") String audioUrl,
        @JsonProperty("pdf_url") String pdfUrl,
        @JsonProperty("duration_ms") Long durationMs,
        @JsonProperty("disconnection_reason") String disconnectionReason,
        String direction,
        @JsonProperty("phone_number_used") String phoneNumberUsed,
        @JsonProperty("is_retry") boolean isRetry,
        @JsonProperty("processed_at") String processedAt) {

    static FollowupResponse from(DebtFollowup followup, PublicIds ids) {
        return new FollowupResponse(
                ids.encode(IdType.FOLLOWUP, followup.getId()),
                ids.encode(IdType.DEBT, followup.getDebtId()),
                followup.getStatus().wire(),
                followup.getType().wire(),
                ExternalTimes.format(followup.getCallDate()),
                ExternalTimes.format(followup.getScheduledAt()),
                followup.getSummary(),
                followup.getNotes(),
                followup.getCallId(),
                followup.getAudioUrl(),
                followup.getPdfUrl(),
                followup.getDurationMs(),
                followup.getDisconnectionReason(),
                followup.getDirection() == null ? null : followup.getDirection().wire(),
                followup.getPhoneNumberUsed(),
                followup.isRetry(),
                ExternalTimes.format(followup.getProcessedAt()));
    }
}
