package io.followup.config;

import java.util.UUID;

/** The write would break a rule that only the stored state can tell: one config per assistant, or a stale version. */
public final class ConfigConflictException extends RuntimeException {

    private final boolean preconditionFailed;

    private ConfigConflictException(String message, boolean preconditionFailed) {
        super(message, null, false, false);
        this.preconditionFailed = preconditionFailed;
    }

    static ConfigConflictException assistantTaken(UUID assistantId) {
        return new ConfigConflictException("Assistant " + assistantId + " already has a follow-up configuration; update it instead", false);
    }

    static ConfigConflictException staleVersion(UUID id, long current) {
        return new ConfigConflictException("Follow-up configuration " + id + " has changed (its ETag is now \"" + current
                + "\"); fetch it again and retry", true);
    }

    /** True when the client's If-Match named an old version (412), false for a plain conflict (409). */
    public boolean isPreconditionFailed() {
        return preconditionFailed;
    }
}
