package io.followup.config;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /backend/followup/configs}. */
public record CreateConfigRequest(
        @JsonProperty("assistant_id") @NotNull(message = "assistant_id is required") UUID assistantId,
        @JsonProperty("trigger_status_ids")
        @ArraySchema(uniqueItems = true, schema = @Schema(format = "uuid"))
        @NotNull(message = "trigger_status_ids is required")
        @Size(min = 1, max = 50, message = "Give between 1 and 50 trigger status IDs")
        List<@NotNull(message = "must not be null") UUID> triggerStatusIds,
        @ArraySchema(maxItems = 3, arraySchema = @Schema(description = "AI steps. At least one step in steps or official_steps; at most 3 in both together"))
        List<@NotNull(message = "must not be null") @Valid StepBody> steps,
        @ArraySchema(maxItems = 3, arraySchema = @Schema(description = "Steps per official WhatsApp channel (Meta / Gupshup); each channel_id once"))
        @JsonProperty("official_steps") List<@NotNull(message = "must not be null") @Valid OfficialStepsBody> officialSteps,
        @Schema(description = "Whether new leads are enrolled", defaultValue = "true") @JsonProperty("is_active") Boolean isActive) {
}
