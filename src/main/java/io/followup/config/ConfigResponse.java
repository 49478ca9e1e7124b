package io.followup.config;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A follow-up configuration as the API shows it. */
public record ConfigResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("tenant_id") UUID tenantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("assistant_id") UUID assistantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("trigger_status_ids") List<UUID> triggerStatusIds,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<StepBody> steps,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("official_steps") List<OfficialStepsBody> officialSteps,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("is_active") boolean isActive,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("created_at") Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("updated_at") Instant updatedAt) {

    static ConfigResponse from(FollowupConfig config) {
        return new ConfigResponse(config.getId(), config.getTenantId(), config.getAssistantId(),
                config.getTriggerStatusIds(),
                config.getSteps().stream().map(StepBody::from).toList(),
                config.getOfficialSteps().stream().map(OfficialStepsBody::from).toList(),
                config.isActive(), config.getCreatedAt(), config.getUpdatedAt());
    }
}
