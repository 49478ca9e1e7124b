package io.followup.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An enrollment with each step's state, times and last error. */
public record EnrollmentResponse(
        UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        @JsonProperty("assistant_id") UUID assistantId,
        @JsonProperty("lead_id") String leadId,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("config_id") UUID configId,
        String status,
        @JsonProperty("stop_reason") String stopReason,
        @JsonProperty("trigger_status_id") UUID triggerStatusId,
        @JsonProperty("triggered_at") Instant triggeredAt,
        @JsonProperty("current_step") int currentStep,
        List<EnrollmentStep> steps,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("finished_at") Instant finishedAt) {

    static EnrollmentResponse from(Enrollment e) {
        return new EnrollmentResponse(e.getId(), e.getTenantId(), e.getAssistantId(), e.getLeadId(), e.getChannelId(),
                e.getConfigId(), e.getStatus().name().toLowerCase(Locale.ROOT), e.getStopReason(), e.getTriggerStatusId(),
                e.getTriggeredAt(), e.getCurrentStep(), e.getSteps(), e.getCreatedAt(), e.getUpdatedAt(), e.getFinishedAt());
    }
}
