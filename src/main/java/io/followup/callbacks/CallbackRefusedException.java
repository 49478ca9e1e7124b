package io.followup.callbacks;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** A provider callback that is not taken: unauthenticated, unreadable, or arriving where no secret is configured. */
final class CallbackRefusedException extends ApiException {

    private CallbackRefusedException(HttpStatus status, String message, Map<String, String> details) {
        super(status, message, details);
    }

    static CallbackRefusedException unauthenticated(String message) {
        return new CallbackRefusedException(HttpStatus.UNAUTHORIZED, message, Map.of());
    }

    static CallbackRefusedException forbidden(String message) {
        return new CallbackRefusedException(HttpStatus.FORBIDDEN, message, Map.of());
    }

    /** The endpoint has no secret to check calls with: refusing them all is safer than accepting any. */
    static CallbackRefusedException notConfigured(String setting) {
        return new CallbackRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
                "This webhook is not configured: set " + setting, Map.of());
    }

    static CallbackRefusedException badRequest(String message, String field) {
        return new CallbackRefusedException(HttpStatus.BAD_REQUEST, message, Map.of(field, message));
    }

    static CallbackRefusedException unreadable(String problem) {
        return new CallbackRefusedException(HttpStatus.BAD_REQUEST, "The callback body is not valid JSON: " + problem,
                Map.of("body", "Not valid JSON"));
    }
}
