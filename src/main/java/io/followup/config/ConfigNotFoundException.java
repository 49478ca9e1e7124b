package io.followup.config;

import java.util.Map;
import java.util.UUID;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no configuration of the caller's tenant matches; another tenant's looks the same. */
final class ConfigNotFoundException extends ApiException {

    private ConfigNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message, Map.of());
    }

    static ConfigNotFoundException byId(UUID id) {
        return new ConfigNotFoundException("Follow-up configuration " + id + " not found");
    }

    static ConfigNotFoundException byAssistant(UUID assistantId) {
        return new ConfigNotFoundException("No follow-up configuration for assistant " + assistantId);
    }
}
