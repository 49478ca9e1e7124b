package io.followup.config;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A follow-up configuration as the API shows it. */
public record ConfigResponse(
        UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        @JsonProperty("assistant_id") UUID assistantId,
        @JsonProperty("trigger_status_ids") List<UUID> triggerStatusIds,
        List<StepBody> steps,
        @JsonProperty("official_steps") List<OfficialStepsBody> officialSteps,
        @JsonProperty("is_active") boolean isActive,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    static ConfigResponse from(FollowupConfig config) {
        return new ConfigResponse(config.getId(), config.getTenantId(), config.getAssistantId(),
                config.getTriggerStatusIds(),
                config.getSteps().stream().map(StepBody::from).toList(),
                config.getOfficialSteps().stream().map(OfficialStepsBody::from).toList(),
                config.isActive(), config.getCreatedAt(), config.getUpdatedAt());
    }
}
