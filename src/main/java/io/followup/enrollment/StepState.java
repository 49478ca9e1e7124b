package io.followup.enrollment;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where one step of an enrollment stands. */
enum StepState {
    /** Waits for the step before it to be sent. */
    PENDING,
    /** Has a job due at {@code due_at}. */
    SCHEDULED,
    /** The provider accepted the message. */
    SENT,
    /** The provider says the message reached the lead's phone. */
    DELIVERED,
    /** The provider says the lead read the message. */
    READ,
    /** Not sent (refused for good), or the provider said the message could not be delivered. */
    FAILED,
    /** Not sent, on purpose (the WhatsApp 24-hour window had closed). */
    SKIPPED,
    /** The enrollment stopped before this step went out. */
    CANCELLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static StepState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
