package io.followup.enrollment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.config.TemplateHeader;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One step of an enrollment on the wire. The snapshot's channel stays inside; the provider's message ID and what the
 * provider's status callbacks said of the message (delivered, read, failed with a code) are shown.
 */
@Schema(name = "EnrollmentStep")
record EnrollmentStepResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int number,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"steps", "official_steps"}) String source,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String interval,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String prompt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("template_name") String templateName,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("template_language") String templateLanguage,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("template_params") List<String> templateParams,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("app_id") String appId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", allowableValues = {"pending", "scheduled", "sent", "delivered", "read", "failed", "skipped", "cancelled"},
                description = "sent: the provider accepted the message; delivered and read: as the provider's status callbacks "
                        + "reported (never moving back); failed: refused for good, or reported undeliverable by the provider")
        StepState state,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("due_at") String dueAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("sent_at") String sentAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("finished_at") String finishedAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "Last error, or why the step was skipped") String error,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("job_id") Long jobId,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "wamid.HBgLNTUxMTk4NzY1NDMyMRUCABEYEjA",
                description = "The ID the provider gave the message when it accepted it (Meta wamid, Gupshup messageId); "
                        + "null until sent") @JsonProperty("provider_message_id") String providerMessageId,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                description = "When the provider reported the message delivered to the lead's phone (a read implies it)")
        @JsonProperty("delivered_at") String deliveredAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                description = "When the provider reported the message read by the lead")
        @JsonProperty("read_at") String readAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, example = "131026",
                description = "The provider's error code when it reported the message as failed (Meta error code, Gupshup "
                        + "1002, 1012, ...); the meaning is in error") @JsonProperty("provider_error_code") String providerErrorCode,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The media of a template step with a media header, as configured; null for other steps")
        @JsonProperty("template_header") TemplateHeader templateHeader) {

    static EnrollmentStepResponse from(EnrollmentStep step) {
        return new EnrollmentStepResponse(step.number(), step.source(), step.interval(), step.prompt(), step.templateName(),
                step.templateLanguage(), step.templateParams(), step.appId(), step.state(), step.dueAt(), step.sentAt(),
                step.finishedAt(), step.error(), step.jobId(), step.providerMessageId(), step.deliveredAt(), step.readAt(),
                step.providerErrorCode(), step.templateHeader() == null ? null
                        : new TemplateHeader(step.templateHeader().type(), step.templateHeader().link()));
    }
}
