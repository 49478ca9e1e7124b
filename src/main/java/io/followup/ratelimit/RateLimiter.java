package io.followup.ratelimit;

import io.followup.security.Integrator;

/**
 * Counts an integrator's requests against its allowance. {@link LocalRateLimiter} keeps the counts
 * in this instance's memory; an implementation over a shared store (Bucket4j's JDBC or Redis
 * back-ends, say) can replace it to make the limit hold across instances.
 */
public interface RateLimiter {

    /** Takes one request from {@code integrator}'s allowance, if any is left. */
    RateLimit tryAcquire(Integrator integrator);
}
