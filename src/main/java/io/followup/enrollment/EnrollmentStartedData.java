package io.followup.enrollment;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The data of an {@code enrollment.started} webhook event: a lead entered a trigger status and its sequence began. */
@Schema(name = "EnrollmentStartedData")
public record EnrollmentStartedData(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("enrollment_id") UUID enrollmentId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("assistant_id") UUID assistantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("lead_id") String leadId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("channel_id") String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("config_id") UUID configId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("trigger_status_id") UUID triggerStatusId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("triggered_at") Instant triggeredAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many steps the sequence has") int steps,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("first_step_due_at") Instant firstStepDueAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("occurred_at") Instant occurredAt) {
}
