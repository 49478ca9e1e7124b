package io.followup.enrollment;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What became of one event.
 *
 * @param status {@code processed}, {@code duplicate} (seen before; nothing changed) or {@code rejected}
 * @param outcome {@code enrolled}, {@code replaced}, {@code stopped}, {@code recorded} or {@code ignored}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(
        @JsonProperty("event_id") String eventId,
        String status,
        String outcome,
        @JsonProperty("enrollment_id") UUID enrollmentId,
        String detail,
        Map<String, String> errors) {

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
