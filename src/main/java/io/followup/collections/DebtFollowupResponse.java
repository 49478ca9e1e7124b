package io.followup.collections;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.external.ExternalTimes;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;

/** A follow-up as the seed's example response shows it, field for field and in that order (schema name as published). */
@Schema(name = "FollowupResponse")
record DebtFollowupResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted followup ID") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Encrypted debt ID") @JsonProperty("debt_id") String debtId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"on_hold", "scheduled", "in_progress", "sent", "delivered", "deal_found", "no_answer",
                "deal_not_found", "bad_behavior", "failed", "cancelled"}) String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"call", "sms", "email", "whatsapp", "voicemail", "manual_call", "physical", "postmail"})
        String type,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("call_date") String callDate,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("scheduled_at") String scheduledAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String summary,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String notes,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("call_id") String callId,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("audio_url") String audioUrl,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("pdf_url") String pdfUrl,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("duration_ms") Long durationMs,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("disconnection_reason") String disconnectionReason,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "inbound or outbound") String direction,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("phone_number_used") String phoneNumberUsed,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("is_retry") boolean isRetry,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("processed_at") String processedAt) {

    static DebtFollowupResponse from(DebtFollowup followup, PublicIds ids) {
        return new DebtFollowupResponse(
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
