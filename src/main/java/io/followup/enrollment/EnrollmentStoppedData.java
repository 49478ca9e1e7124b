package io.followup.enrollment;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The data of an {@code enrollment.stopped} webhook event: the sequence ended before its last step. */
@Schema(name = "EnrollmentStoppedData")
public record EnrollmentStoppedData(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("enrollment_id") UUID enrollmentId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("assistant_id") UUID assistantId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("lead_id") String leadId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("channel_id") String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"reply", "opted_out", "replaced", "status_changed"},
                description = "reply: the lead wrote; opted_out: the lead opted out of the channel; replaced: a new trigger "
                        + "enrolled the lead again; status_changed: the lead moved to a status that ends it")
        String reason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The enrollment's stop_reason, in words") String detail,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The step it was at (1-based)") int step,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("occurred_at") Instant occurredAt) {
}
