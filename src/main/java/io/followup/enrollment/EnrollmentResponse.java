package io.followup.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** An enrollment with each step's state, times and last error. */
public record EnrollmentResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("tenant_id") UUID tenantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("assistant_id") UUID assistantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("lead_id") String leadId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("channel_id") String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The configuration it was enrolled from")
        @JsonProperty("config_id") UUID configId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"active", "completed", "stopped", "failed"}) String status,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "Why it stopped or failed") @JsonProperty("stop_reason") String stopReason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("trigger_status_id") UUID triggerStatusId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("triggered_at") Instant triggeredAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("current_step") int currentStep,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<EnrollmentStepResponse> steps,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("created_at") Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("updated_at") Instant updatedAt,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("finished_at") Instant finishedAt) {

    static EnrollmentResponse from(Enrollment e) {
        return new EnrollmentResponse(e.getId(), e.getTenantId(), e.getAssistantId(), e.getLeadId(), e.getChannelId(),
                e.getConfigId(), e.getStatus().name().toLowerCase(Locale.ROOT), e.getStopReason(), e.getTriggerStatusId(),
                e.getTriggeredAt(), e.getCurrentStep(), e.getSteps().stream().map(EnrollmentStepResponse::from).toList(), e.getCreatedAt(), e.getUpdatedAt(), e.getFinishedAt());
    }
}
