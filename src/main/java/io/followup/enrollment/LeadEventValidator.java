package io.followup.enrollment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.followup.delivery.E164;
import io.followup.web.InvalidRequestException;
import io.followup.web.IsoTimes;

/** Field checks of a lead event; all problems are reported together. */
final class LeadEventValidator {

    /** Sizes of the columns these fields are stored in (V4__enrollments.sql); a test compares them with the schema. */
    static final int MAX_EVENT_ID = 100;
    static final int MAX_LEAD_ID = 100;
    static final int MAX_CHANNEL_ID = 100;
    /** {@code enrollment.lead_phone}: + and at most 15 digits. */
    static final int MAX_PHONE = 16;

    /**
     * A lead's phone as WhatsApp needs it: {@code +}, country code and number, 8 to 15 digits (E.164); spaces,
     * dashes, dots and parentheses are allowed. A national number would reach whoever has it in another country.
     */
    static final String PHONE_MESSAGE = "Must be an international number: + and 8 to 15 digits with the country code, "
            + "e.g. +5511988887777";

    private LeadEventValidator() {
    }

    /** The event's last_inbound_at, once {@link #check} passed; null when absent. */
    static Instant lastInboundAt(LeadEventRequest event) {
        return event.lastInboundAt() == null ? null : IsoTimes.parse("last_inbound_at", event.lastInboundAt(), new LinkedHashMap<>());
    }

    /** @return the event's time */
    static Instant check(LeadEventRequest event) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "event_id", event.eventId(), MAX_EVENT_ID);
        text(errors, "lead_id", event.leadId(), MAX_LEAD_ID);
        if (event.assistantId() == null) {
            errors.put("assistant_id", "assistant_id is required");
        }
        if (event.type() == null) {
            errors.put("type", "type is required");
        }
        else if (event.type().equals(LeadEventRequest.STATUS_CHANGED)) {
            text(errors, "channel_id", event.channelId(), MAX_CHANNEL_ID);
            if (event.statusId() == null) {
                errors.put("status_id", "status_id is required");
            }
        }
        else if (event.type().equals(LeadEventRequest.OPTED_OUT)) {
            text(errors, "channel_id", event.channelId(), MAX_CHANNEL_ID);
        }
        else if (event.type().equals(LeadEventRequest.MESSAGE_RECEIVED)) {
            if (event.channelId() != null) {
                text(errors, "channel_id", event.channelId(), MAX_CHANNEL_ID);
            }
        }
        else {
            errors.put("type", "Unknown event type. Valid types are: lead.status_changed, lead.message_received, lead.opted_out");
        }
        if (event.lastInboundAt() != null) {
            if (LeadEventRequest.STATUS_CHANGED.equals(event.type())) {
                IsoTimes.parse("last_inbound_at", event.lastInboundAt(), errors);
            }
            else {
                errors.put("last_inbound_at", "last_inbound_at belongs to lead.status_changed only");
            }
        }
        if (event.lead() != null) {
            event.lead().forEach((key, value) -> {
                if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    errors.put("lead." + key, "Lead values are strings, numbers or booleans");
                }
                else if (value != null && String.valueOf(value).indexOf('\u0000') >= 0 || key.indexOf('\u0000') >= 0) {
                    errors.put("lead." + key, "NUL characters are not allowed");
                }
                else if (value != null && String.valueOf(value).length() > 1000 || key.length() > 100) {
                    errors.put("lead." + key, "Lead values are at most 1000 characters");
                }
            });
        }
        Object phone = event.lead() == null ? null : event.lead().get("phone");
        if (phone != null && !errors.containsKey("lead.phone") && normalisedPhone(phone) == null) {
            errors.put("lead.phone", PHONE_MESSAGE);
        }
        Instant occurredAt = null;
        if (event.occurredAt() == null) {
            errors.put("occurred_at", "occurred_at is required");
        }
        else {
            occurredAt = IsoTimes.parse("occurred_at", event.occurredAt(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return occurredAt;
    }

    /** The phone as stored for matching providers' callbacks: + and digits; null when absent or not international. */
    static String normalisedPhone(Object phone) {
        return phone instanceof String text ? E164.of(text).orElse(null) : null;
    }

    private static void text(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, field + " is required");
        }
        else if (value.length() > max) {
            errors.put(field, field + " must be at most " + max + " characters");
        }
    }
}
