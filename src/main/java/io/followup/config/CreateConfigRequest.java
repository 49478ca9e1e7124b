package io.followup.config;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /backend/followup/configs}. */
public record CreateConfigRequest(
        @JsonProperty("assistant_id") @NotNull(message = "assistant_id is required") UUID assistantId,
        @JsonProperty("trigger_status_ids")
        @NotNull(message = "trigger_status_ids is required")
        @Size(min = 1, max = 50, message = "Give between 1 and 50 trigger status IDs")
        List<@NotNull(message = "must not be null") UUID> triggerStatusIds,
        List<@NotNull(message = "must not be null") @Valid StepBody> steps,
        @JsonProperty("official_steps") List<@NotNull(message = "must not be null") @Valid OfficialStepsBody> officialSteps,
        @JsonProperty("is_active") Boolean isActive) {
}
