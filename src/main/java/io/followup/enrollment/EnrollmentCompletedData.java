package io.followup.enrollment;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The data of an {@code enrollment.completed} webhook event: the last step was done (sent or skipped). */
@Schema(name = "EnrollmentCompletedData")
public record EnrollmentCompletedData(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("enrollment_id") UUID enrollmentId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("assistant_id") UUID assistantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("lead_id") String leadId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("channel_id") String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many steps the sequence had") int steps,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("occurred_at") Instant occurredAt) {
}
