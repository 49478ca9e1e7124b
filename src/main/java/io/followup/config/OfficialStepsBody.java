package io.followup.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The steps of one official channel on the wire. */
record OfficialStepsBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, pattern = "^[\\s\\S]*\\S[\\s\\S]*$") @JsonProperty("channel_id") @NotBlank(message = "channel_id is required") @Size(max = 100) String channelId,
        @Schema(nullable = true) @JsonProperty("channel_name") @Size(max = 255) String channelName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, pattern = "^[\\s\\S]*\\S[\\s\\S]*$", description = "Gupshup app ID") @JsonProperty("app_id") @NotBlank(message = "app_id is required") @Size(max = 255) String appId,
        @ArraySchema(maxItems = 3)
        @NotNull(message = "steps is required")
        @Size(min = 1, message = "An official channel needs at least one step")
        List<@NotNull(message = "must not be null") @Valid StepBody> steps) {

    OfficialChannelSteps toChannelSteps() {
        return new OfficialChannelSteps(channelId.strip(), channelName, appId.strip(),
                steps.stream().map(StepBody::toStep).toList());
    }

    static OfficialStepsBody from(OfficialChannelSteps channel) {
        return new OfficialStepsBody(channel.channelId(), channel.channelName(), channel.appId(),
                channel.steps().stream().map(StepBody::from).toList());
    }
}
