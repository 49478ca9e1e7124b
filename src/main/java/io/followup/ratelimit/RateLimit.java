package io.followup.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * The outcome of one {@link RateLimiter#tryAcquire}, as the rate-limit headers tell it.
 *
 * @param allowed whether the request may go on
 * @param limit the requests allowed per period ({@code X-RateLimit-Limit})
 * @param remaining requests left right now ({@code X-RateLimit-Remaining})
 * @param resetSeconds seconds until the whole allowance is back ({@code X-RateLimit-Reset} is now plus this)
 * @param retryAfterSeconds when refused: seconds until the next request is allowed ({@code Retry-After})
 * @param windowSeconds the period the limit is counted over ({@code X-RateLimit-Window})
 */
public record RateLimit(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
        long windowSeconds) {

    /** What a Bucket4j bucket of {@code allowance} answered to taking one request. */
    static RateLimit of(ConsumptionProbe probe, RateLimitSettings.Allowance allowance) {
        return new RateLimit(probe.isConsumed(), allowance.requests(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())),
                Math.max(1, seconds(allowance.period().toNanos())));
    }

    private static long seconds(long nanos) {
        return (nanos + BucketClock.NANOS_PER_SECOND - 1) / BucketClock.NANOS_PER_SECOND;
    }
}
