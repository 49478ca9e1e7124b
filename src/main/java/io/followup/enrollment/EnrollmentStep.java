package io.followup.enrollment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.text.ColumnText;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One step of an enrollment: a snapshot of the configured step (the configuration may change or go
 * away; this does not) and its delivery state. Times are ISO 8601 text so the stored JSON reads the
 * same whichever JSON library the persistence layer uses.
 *
 * @param source {@code steps} (AI) or {@code official_steps}
 * @param appId the official channel's app when the lead's channel is official, else null
 */
public record EnrollmentStep(
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

    /** Longest error kept in the snapshot: jsonb has no size, but the answer showing it should have one (job.last_error's). */
    static final int MAX_ERROR = 2000;

    /** Every error, a provider's answer included, is cut here, so the snapshot is always storable. */
    public EnrollmentStep {
        error = ColumnText.fit(error, MAX_ERROR);
    }

    static EnrollmentStep planned(int number, String source, String interval, String prompt, String templateName,
            String templateLanguage, List<String> templateParams, String appId) {
        return new EnrollmentStep(number, source, interval, prompt, templateName, templateLanguage,
                templateParams == null ? List.of() : List.copyOf(templateParams), appId, StepState.PENDING,
                null, null, null, null, null);
    }

    EnrollmentStep scheduled(Instant due, long job) {
        return with(StepState.SCHEDULED, due.toString(), sentAt, finishedAt, error, job);
    }

    EnrollmentStep sent(Instant at) {
        return with(StepState.SENT, dueAt, at.toString(), at.toString(), null, jobId);
    }

    EnrollmentStep skipped(String reason, Instant at) {
        return with(StepState.SKIPPED, dueAt, null, at.toString(), reason, jobId);
    }

    EnrollmentStep failed(String reason, Instant at) {
        return with(StepState.FAILED, dueAt, null, at.toString(), reason, jobId);
    }

    EnrollmentStep cancelled(Instant at) {
        return with(StepState.CANCELLED, dueAt, null, at.toString(), error, jobId);
    }

    /** A failed attempt that will be retried: the step stays scheduled and shows the last error. */
    EnrollmentStep attemptFailed(String reason) {
        return with(state, dueAt, sentAt, finishedAt, reason, jobId);
    }

    @JsonIgnore
    boolean isTemplate() {
        return templateName != null;
    }

    @JsonIgnore
    boolean isOnOfficialChannel() {
        return appId != null;
    }

    private EnrollmentStep with(StepState newState, String due, String sent, String finished, String newError, Long job) {
        return new EnrollmentStep(number, source, interval, prompt, templateName, templateLanguage, templateParams, appId,
                newState, due, sent, finished, newError, job);
    }
}
