package io.followup.enrollment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The data of a {@code lead.opted_out} webhook event: the lead asked for nothing more on the channel (told once, when first recorded). */
@Schema(name = "LeadOptedOutData")
public record LeadOptedOutData(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("lead_id") String leadId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("channel_id") String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"stop_keyword", "meta_131050", "gupshup_1012", "lead_opted_out"},
                description = "stop_keyword: the lead wrote one; meta_131050 / gupshup_1012: the provider refused a message for it; "
                        + "lead_opted_out: the platform's lead.opted_out event") String source,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("occurred_at") Instant occurredAt) {
}
