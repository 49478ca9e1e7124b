package io.followup.config;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /backend/followup/configs/{id}}: a partial update. An absent (or null) field
 * keeps its value; {@code assistant_id} may be sent only with the config's own value.
 */
public record UpdateConfigRequest(
        @JsonProperty("assistant_id") UUID assistantId,
        @JsonProperty("trigger_status_ids")
        @Size(min = 1, max = 50, message = "Give between 1 and 50 trigger status IDs")
        List<@NotNull(message = "must not be null") UUID> triggerStatusIds,
        List<@NotNull(message = "must not be null") @Valid StepBody> steps,
        @JsonProperty("official_steps") List<@NotNull(message = "must not be null") @Valid OfficialStepsBody> officialSteps,
        @JsonProperty("is_active") Boolean isActive) {
}
