package io.followup.collections;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.external.ExternalTimes;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A follow-up as GetBill's read answers show it (get, both lists, update): the create answer's 17 fields
 * ({@link DebtFollowupResponse}), in that order, then GetBill's further seven; {@code media_urls_expire_at}
 * only when known, as GetBill leaves it out of a followup without media.
 */
@Schema(name = "FollowupDetailsResponse", description = "A followup as reads and updates answer it: the create answer's fields, "
        + "then triggered_payment, the email tracking fields and (when known) media_urls_expire_at")
record DebtFollowupDetailsResponse(
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
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("processed_at") String processedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether a payment followed, as the integrator reported it (false until then)")
        @JsonProperty("triggered_payment") boolean triggeredPayment,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "email_open_count > 0")
        @JsonProperty("email_opened") boolean emailOpened,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "Opens as the integrator reported them (0 until then)")
        @JsonProperty("email_open_count") int emailOpenCount,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                description = "First open as the integrator reported it; null when not reported, always null without opens")
        @JsonProperty("email_first_opened_at") String emailFirstOpenedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "email_click_count > 0")
        @JsonProperty("email_clicked") boolean emailClicked,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "Clicks as the integrator reported them (0 until then)")
        @JsonProperty("email_click_count") int emailClickCount,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, format = "date-time",
                description = "When the audio_url/pdf_url stop working, as the integrator gave it; absent when not given, as GetBill "
                        + "leaves it out of a followup without media. Unlike GetBill (processed_at + 1 h for its own signed URLs) the "
                        + "service neither signs nor proxies media, so it cannot know an expiry it was not told")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("media_urls_expire_at") String mediaUrlsExpireAt) {

    static DebtFollowupDetailsResponse from(DebtFollowup followup, PublicIds ids) {
        return new DebtFollowupDetailsResponse(
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
                ExternalTimes.format(followup.getProcessedAt()),
                followup.isTriggeredPayment(),
                followup.isEmailOpened(),
                followup.getEmailOpenCount(),
                ExternalTimes.format(followup.getEmailFirstOpenedAt()),
                followup.isEmailClicked(),
                followup.getEmailClickCount(),
                ExternalTimes.format(followup.getMediaUrlsExpireAt()));
    }
}
