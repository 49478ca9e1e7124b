package io.followup.ratelimit;

/**
 * The outcome of one {@link RateLimiter#tryAcquire}, as the rate-limit headers tell it.
 *
 * @param allowed whether the request may go on
 * @param limit the requests allowed per period ({@code X-RateLimit-Limit})
 * @param remaining requests left right now ({@code X-RateLimit-Remaining})
 * @param resetSeconds seconds until the whole allowance is back ({@code X-RateLimit-Reset})
 * @param retryAfterSeconds when refused: seconds until the next request is allowed ({@code Retry-After})
 * @param windowSeconds the period the limit is counted over ({@code X-RateLimit-Window})
 */
public record RateLimit(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
        long windowSeconds) {
}
