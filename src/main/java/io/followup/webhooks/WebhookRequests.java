package io.followup.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies the subscription endpoints of both surfaces take; the rules are {@link WebhookSubscriptions}'. */
final class WebhookRequests {

    private WebhookRequests() {
    }

    @Schema(name = "CreateWebhookRequest")
    record Create(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2048, example = "https://erp.example.com/hooks/followups",
                    description = "Where events are POSTed: https (http only where private networks are allowed, as in the local run)")
            String url,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Event types wanted, at least one"),
                    schema = @Schema(example = "debt.created"), minItems = 1, maxItems = 20)
            @JsonProperty("event_types") List<String> eventTypes) {

        Set<String> types() {
            return eventTypes == null ? null : new TreeSet<>(eventTypes);
        }
    }

    @Schema(name = "UpdateWebhookRequest", description = "Only the fields to change; active: true also re-enables a subscription "
            + "that was disabled for failing")
    record Update(
            @Schema(maxLength = 2048, example = "https://erp.example.com/hooks/followups") String url,
            @ArraySchema(schema = @Schema(example = "debt.created"), minItems = 1, maxItems = 20)
            @JsonProperty("event_types") List<String> eventTypes,
            Boolean active) {

        Set<String> types() {
            return eventTypes == null ? null : new TreeSet<>(eventTypes);
        }
    }

    @Schema(name = "RotateWebhookSecretRequest")
    record Rotate(
            @Schema(type = "string", example = "PT24H", defaultValue = "PT24H",
                    description = "How long the previous secret's signature is still sent beside the new one's (PT0S to P7D)")
            @JsonProperty("grace_period") Duration gracePeriod) {

        static final Duration DEFAULT_GRACE = Duration.ofHours(24);

        Duration grace() {
            return gracePeriod == null ? DEFAULT_GRACE : gracePeriod;
        }
    }
}
