package io.followup.enrollment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One step of an enrollment on the wire. The snapshot's channel and provider message ID stay inside for now:
 * showing them would change the published OpenAPI document.
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
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", allowableValues = {"pending", "scheduled", "sent", "failed", "skipped", "cancelled"})
        StepState state,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("due_at") String dueAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("sent_at") String sentAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("finished_at") String finishedAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "Last error, or why the step was skipped") String error,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("job_id") Long jobId) {

    static EnrollmentStepResponse from(EnrollmentStep step) {
        return new EnrollmentStepResponse(step.number(), step.source(), step.interval(), step.prompt(), step.templateName(),
                step.templateLanguage(), step.templateParams(), step.appId(), step.state(), step.dueAt(), step.sentAt(),
                step.finishedAt(), step.error(), step.jobId());
    }
}
