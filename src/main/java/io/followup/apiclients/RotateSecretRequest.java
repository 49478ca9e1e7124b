package io.followup.apiclients;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /admin/v1/api-clients/{client_id}/secret}; optional. */
public record RotateSecretRequest(
        @Schema(description = "How long the current secret keeps working after the rotation: an ISO 8601 duration from "
                + "PT0S (stops at once) to P7D", defaultValue = "PT24H", example = "PT24H")
        @JsonProperty("grace_period") String gracePeriod) {
}
