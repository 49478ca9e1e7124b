package io.followup.collections;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of follow-up create ({@code POST}) and partial update ({@code PATCH}/{@code PUT}). Enums and
 * timestamps arrive as text so that every bad field is reported together, in the seed's words. The
 * schema keeps its published name, {@code FollowupRequest}.
 */
@Schema(name = "FollowupRequest")
record DebtFollowupRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_-]{32}$",
                description = "Encrypted ID of one of your debts. On update it may only repeat the follow-up's own debt")
        @JsonProperty("debt_id") String debtId,
        @Schema(allowableValues = {"call", "sms", "email", "whatsapp", "voicemail", "manual_call", "physical", "postmail"},
                description = "Defaults to call on create (GetBill marks only debt_id as required)")
        String type,
        @Schema(allowableValues = {"on_hold", "scheduled", "in_progress", "sent", "delivered", "deal_found", "no_answer",
                "deal_not_found", "bad_behavior", "failed", "cancelled"}, description = "Defaults to on_hold on create")
        String status,
        @Schema(format = "date-time", description = "ISO 8601 date-time with Z or an offset") @JsonProperty("call_date") String callDate,
        @Schema(format = "date-time", description = "ISO 8601 date-time with Z or an offset") @JsonProperty("scheduled_at") String scheduledAt,
        @Schema(maxLength = FieldLimits.SUMMARY) String summary,
        @Schema(maxLength = FieldLimits.NOTES) String notes,
        @Schema(maxLength = FieldLimits.CALL_ID) @JsonProperty("call_id") String callId,
        @Schema(maxLength = FieldLimits.URL, format = "uri", description = "http or https URL") @JsonProperty("audio_url") String audioUrl,
        @Schema(maxLength = FieldLimits.URL, format = "uri", description = "http or https URL") @JsonProperty("pdf_url") String pdfUrl,
        @Schema(minimum = "0") @JsonProperty("duration_ms") Long durationMs,
        @Schema(minLength = 3, maxLength = FieldLimits.PHONE, pattern = CreateDebtRequest.PHONE_PATTERN, example = "+5511999998888")
        @JsonProperty("phone_number_used") String phoneNumberUsed,
        @Schema(allowableValues = {"inbound", "outbound"}) String direction,
        @Schema(maxLength = FieldLimits.DISCONNECTION_REASON) @JsonProperty("disconnection_reason") String disconnectionReason,
        @Schema(defaultValue = "false") @JsonProperty("is_retry") Boolean isRetry,
        @Schema(defaultValue = "false", description = "Whether a payment followed this followup, as your system knows it. "
                + "Not in GetBill's request bodies; the service takes it from you and never computes it")
        @JsonProperty("triggered_payment") Boolean triggeredPayment,
        @Schema(description = "Optional echo of email_open_count > 0: refused (400) when it disagrees with the count")
        @JsonProperty("email_opened") Boolean emailOpened,
        @Schema(minimum = "0", maximum = "2147483647", defaultValue = "0",
                description = "How often the email you sent was opened, as your email provider reports it")
        @JsonProperty("email_open_count") Integer emailOpenCount,
        @Schema(format = "date-time", description = "ISO 8601 date-time with Z or an offset; only with email_open_count above 0")
        @JsonProperty("email_first_opened_at") String emailFirstOpenedAt,
        @Schema(description = "Optional echo of email_click_count > 0: refused (400) when it disagrees with the count")
        @JsonProperty("email_clicked") Boolean emailClicked,
        @Schema(minimum = "0", maximum = "2147483647", defaultValue = "0", description = "How often a link in the email was clicked")
        @JsonProperty("email_click_count") Integer emailClickCount,
        @Schema(format = "date-time", description = "When your audio_url/pdf_url stop working (e.g. a presigned URL's expiry), "
                + "if they expire: the service neither signs nor proxies media. ISO 8601 with Z or an offset; only with an "
                + "audio_url or a pdf_url")
        @JsonProperty("media_urls_expire_at") String mediaUrlsExpireAt) {
}
