package io.followup.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What became of one event.
 *
 * @param status {@code processed}, {@code duplicate} (seen before; nothing changed) or {@code rejected}
 * @param outcome {@code enrolled}, {@code replaced}, {@code stopped}, {@code recorded} or {@code ignored}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(
        @Schema(description = "The event's event_id, when it had one") @JsonProperty("event_id") String eventId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"processed", "duplicate", "rejected"}) String status,
        @Schema(allowableValues = {"enrolled", "replaced", "stopped", "recorded", "ignored"},
                description = "What the event did; absent when rejected") String outcome,
        @Schema(description = "The enrollment the event created or replaced") @JsonProperty("enrollment_id") UUID enrollmentId,
        String detail,
        @Schema(description = "Message per offending field of a rejected event") Map<String, String> errors) {

    /** The answer to a batch of events: one result per event, in order. Documents the answer; built as a map. */
    @Schema(name = "EventResults")
    record Batch(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<EventResult> results) {
    }

    static EventResult processed(String eventId, String outcome, UUID enrollmentId, String detail) {
        return new EventResult(eventId, "processed", outcome, enrollmentId, detail, null);
    }

    static EventResult duplicate(String eventId, String outcome, String detail) {
        return new EventResult(eventId, "duplicate", outcome, null, detail, null);
    }

    static EventResult rejected(String eventId, Map<String, String> errors) {
        return new EventResult(eventId, "rejected", null, null, "Validation failed", errors);
    }
}
