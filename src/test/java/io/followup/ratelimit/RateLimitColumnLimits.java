package io.followup.ratelimit;

import java.util.Map;

/** The bucket key's bound by the column it is stored in, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class RateLimitColumnLimits {

    /** A prefix and the integrator's key, which hashes identities too long for it ({@link Budget#key}). */
    public static final Map<String, Integer> VALIDATED = Map.of("api_rate_limit_bucket.id", Budget.MAX_KEY_LENGTH);

    private RateLimitColumnLimits() {
    }
}
