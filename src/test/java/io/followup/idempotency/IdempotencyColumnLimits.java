package io.followup.idempotency;

import java.util.Map;

/** The Idempotency-Key header's length rule by its column, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class IdempotencyColumnLimits {

    public static final Map<String, Integer> VALIDATED = Map.of(
            "idempotency_key.idempotency_key", IdempotencyFilter.MAX_KEY_LENGTH);

    /** Columns holding one of a fixed set of values, to the longest of them. */
    public static final Map<String, Integer> FIXED_VALUES = Map.of(
            "idempotency_key.status", "in_progress".length());

    private IdempotencyColumnLimits() {
    }
}
