package io.followup.enrollment;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The data of the {@code step.sent}, {@code step.delivered}, {@code step.read}, {@code step.failed} and
 * {@code step.skipped} webhook events: one step of an enrollment, as it stands after what happened to it.
 */
@Schema(name = "StepEventData")
public record StepEventData(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("enrollment_id") UUID enrollmentId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("assistant_id") UUID assistantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("lead_id") String leadId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("channel_id") String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The step's number, from 1") int step,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"sent", "delivered", "read", "failed", "skipped"},
                description = "The step's state now (a step read at once may skip delivered)") String status,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "The template of a template step") @JsonProperty("template_name") String templateName,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "The provider's ID of the message") @JsonProperty("provider_message_id") String providerMessageId,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "Why it failed or was skipped") String error,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, description = "The provider's code of a failure") @JsonProperty("error_code") String errorCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"active", "completed", "stopped", "failed"},
                description = "The enrollment's status after it: a failed step fails the enrollment")
        @JsonProperty("enrollment_status") String enrollmentStatus,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("occurred_at") Instant occurredAt) {
}
