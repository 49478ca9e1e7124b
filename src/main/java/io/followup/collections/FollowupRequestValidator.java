package io.followup.collections;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import io.followup.web.IsoTimes;

/** Checks a follow-up body field by field, recording every problem under its JSON name. */
final class FollowupRequestValidator {

    static final Pattern PHONE = Pattern.compile("(?=.{3," + FieldLimits.PHONE + "}$)\\+?[0-9][0-9 ()\\-.]*");

    private FollowupRequestValidator() {
    }

    /** @return the typed values (the debt is the caller's to check), meaningful only when {@code errors} stayed empty */
    static FollowupChanges check(FollowupRequest request, boolean creating, Map<String, String> errors) {
        FollowupType type = null;
        if (request.type() != null) {
            type = FollowupType.fromWire(request.type()).orElse(null);
            if (type == null) {
                errors.put("type", FollowupType.INVALID);
            }
        }
        else if (creating) {
            errors.put("type", "Followup type is required");
        }
        FollowupStatus status = null;
        if (request.status() != null) {
            status = FollowupStatus.fromWire(request.status()).orElse(null);
            if (status == null) {
                errors.put("status", FollowupStatus.INVALID);
            }
        }
        CallDirection direction = null;
        if (request.direction() != null) {
            direction = CallDirection.fromWire(request.direction()).orElse(null);
            if (direction == null) {
                errors.put("direction", CallDirection.INVALID);
            }
        }
        Instant callDate = request.callDate() == null ? null : IsoTimes.parse("call_date", request.callDate(), errors);
        Instant scheduledAt = request.scheduledAt() == null ? null
                : IsoTimes.parse("scheduled_at", request.scheduledAt(), errors);
        Texts.max(errors, "summary", request.summary(), FieldLimits.SUMMARY);
        Texts.max(errors, "notes", request.notes(), FieldLimits.NOTES);
        Texts.max(errors, "call_id", request.callId(), FieldLimits.CALL_ID);
        Texts.max(errors, "disconnection_reason", request.disconnectionReason(), FieldLimits.DISCONNECTION_REASON);
        url(errors, "audio_url", request.audioUrl());
        url(errors, "pdf_url", request.pdfUrl());
        if (request.phoneNumberUsed() != null && !PHONE.matcher(request.phoneNumberUsed()).matches()) {
            errors.put("phone_number_used", "Invalid phone_number_used. Use digits with an optional leading +, e.g. +5511999998888");
        }
        if (request.durationMs() != null && request.durationMs() < 0) {
            errors.put("duration_ms", "duration_ms must be 0 or more");
        }
        return new FollowupChanges(type, status, callDate, scheduledAt, request.summary(), request.notes(),
                request.callId(), request.audioUrl(), request.pdfUrl(), request.durationMs(), request.phoneNumberUsed(),
                direction, request.disconnectionReason(), request.isRetry());
    }

    private static void url(Map<String, String> errors, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > FieldLimits.URL) {
            errors.put(field, field + " must be at most " + FieldLimits.URL + " characters");
            return;
        }
        try {
            URI uri = new URI(value);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        }
        catch (java.net.URISyntaxException ex) {
            // reported below
        }
        errors.put(field, "Invalid " + field + ". Must be an http or https URL");
    }
}
