package io.followup.config;

import java.util.UUID;

/** No configuration of the caller's tenant matches; another tenant's looks the same. */
public final class ConfigNotFoundException extends RuntimeException {

    private ConfigNotFoundException(String message) {
        super(message, null, false, false);
    }

    static ConfigNotFoundException byId(UUID id) {
        return new ConfigNotFoundException("Follow-up configuration " + id + " not found");
    }

    static ConfigNotFoundException byAssistant(UUID assistantId) {
        return new ConfigNotFoundException("No follow-up configuration for assistant " + assistantId);
    }
}
