package io.followup.collections;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a debt stands. GetBill writes it as a translation key, {@code status.default.<name>}; a new debt is
 * {@link #PENDING}, and an update may set only the statuses in {@link #SETTABLE}.
 */
enum DebtStatus {
    PENDING, IN_PROGRESS, PAID, ON_HOLD, FAILED, ARCHIVED;

    static final String PREFIX = "status.default.";
    static final String INVALID = "Invalid status. Valid statuses are: status.default.paid, status.default.in_progress, "
            + "status.default.on_hold, status.default.failed, status.default.archived";

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    String wire() {
        return PREFIX + column();
    }

    static DebtStatus ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    /** A status an update may set, written as GetBill does ({@code status.default.paid}) or bare ({@code paid}). */
    static Optional<DebtStatus> settable(String wire) {
        String name = wire.startsWith(PREFIX) ? wire.substring(PREFIX.length()) : wire;
        for (DebtStatus status : values()) {
            if (status != PENDING && status.column().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
