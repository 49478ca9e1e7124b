package io.followup.config;

import java.util.Map;
import java.util.UUID;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** The write contradicts stored state: the assistant already has a config (409), or If-Match named an old version (412). */
final class ConfigConflictException extends ApiException {

    private ConfigConflictException(HttpStatus status, String message, Map<String, String> details) {
        super(status, message, details);
    }

    static ConfigConflictException assistantTaken(UUID assistantId) {
        return new ConfigConflictException(HttpStatus.CONFLICT,
                "Assistant " + assistantId + " already has a follow-up configuration; update it instead",
                Map.of("assistant_id", "This assistant already has a follow-up configuration"));
    }

    static ConfigConflictException staleVersion(UUID id, long current) {
        return new ConfigConflictException(HttpStatus.PRECONDITION_FAILED, "Follow-up configuration " + id
                + " has changed (its ETag is now \"" + current + "\"); fetch it again and retry",
                Map.of("If-Match", "Does not match the current ETag \"" + current + "\""));
    }
}
