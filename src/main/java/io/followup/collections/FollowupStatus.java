package io.followup.collections;

import java.util.Locale;
import java.util.Optional;

import io.followup.external.WireEnums;

/** Where a follow-up activity stands; new ones start {@link #ON_HOLD} unless told otherwise. */
enum FollowupStatus {
    ON_HOLD, SCHEDULED, IN_PROGRESS, SENT, DELIVERED, DEAL_FOUND, NO_ANSWER, DEAL_NOT_FOUND, BAD_BEHAVIOR, FAILED, CANCELLED;

    static final String INVALID = "Invalid followup status. Valid statuses are: " + WireEnums.list(values());

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FollowupStatus> fromWire(String value) {
        return WireEnums.parse(values(), value);
    }
}
