package io.followup.collections;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;

import io.followup.external.TextLengths;
import io.followup.web.FieldErrors;

/** Checks a follow-up body field by field, recording every problem under its JSON name. */
final class DebtFollowupRequestValidator {

    static final Pattern PHONE = Pattern.compile("(?=.{3," + FieldLimits.PHONE + "}$)\\+?[0-9][0-9 ()\\-.]*");

    private DebtFollowupRequestValidator() {
    }

    /**
     * @return the typed values, meaningful only when no error was added; the caller checks the debt, and the
     *         tracking fields' agreement with each other and the stored follow-up ({@link FollowupTracking})
     */
    static DebtFollowupChanges check(DebtFollowupRequest request, FieldErrors errors) {
        FollowupType type = errors.parseEnum("type", request.type(), FollowupType::fromWire, FollowupType.INVALID);
        FollowupStatus status = errors.parseEnum("status", request.status(), FollowupStatus::fromWire, FollowupStatus.INVALID);
        CallDirection direction = errors.parseEnum("direction", request.direction(), CallDirection::fromWire, CallDirection.INVALID);
        Instant callDate = errors.instant("call_date", request.callDate());
        Instant scheduledAt = errors.instant("scheduled_at", request.scheduledAt());
        TextLengths.atMost(errors, "summary", request.summary(), FieldLimits.SUMMARY);
        TextLengths.atMost(errors, "notes", request.notes(), FieldLimits.NOTES);
        TextLengths.atMost(errors, "call_id", request.callId(), FieldLimits.CALL_ID);
        TextLengths.atMost(errors, "disconnection_reason", request.disconnectionReason(), FieldLimits.DISCONNECTION_REASON);
        url(errors, "audio_url", request.audioUrl());
        url(errors, "pdf_url", request.pdfUrl());
        if (request.phoneNumberUsed() != null && !PHONE.matcher(request.phoneNumberUsed()).matches()) {
            errors.add("phone_number_used", "Invalid phone_number_used. Use digits with an optional leading +, e.g. +5511999998888");
        }
        if (request.durationMs() != null && request.durationMs() < 0) {
            errors.add("duration_ms", "duration_ms must be 0 or more");
        }
        notNegative(errors, "email_open_count", request.emailOpenCount());
        notNegative(errors, "email_click_count", request.emailClickCount());
        Instant firstOpenedAt = errors.instant("email_first_opened_at", request.emailFirstOpenedAt());
        Instant mediaExpireAt = errors.instant("media_urls_expire_at", request.mediaUrlsExpireAt());
        return new DebtFollowupChanges(type, status, callDate, scheduledAt, request.summary(), request.notes(),
                request.callId(), request.audioUrl(), request.pdfUrl(), request.durationMs(), request.phoneNumberUsed(),
                direction, request.disconnectionReason(), request.isRetry(), request.triggeredPayment(), request.emailOpened(),
                request.emailOpenCount(), firstOpenedAt, request.emailClicked(), request.emailClickCount(), mediaExpireAt);
    }

    private static void notNegative(FieldErrors errors, String field, Integer value) {
        if (value != null && value < 0) {
            errors.add(field, field + " must be 0 or more");
        }
    }

    private static void url(FieldErrors errors, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > FieldLimits.URL) {
            errors.add(field, field + " must be at most " + FieldLimits.URL + " characters");
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
        errors.add(field, "Invalid " + field + ". Must be an http or https URL");
    }
}
