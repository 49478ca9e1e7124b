package io.followup.ratelimit;

import io.followup.security.Integrator;

/**
 * Counts an integrator's requests against its allowances. {@link PostgresRateLimiter} keeps the counts in PostgreSQL,
 * shared by every instance; {@link LocalRateLimiter} in this instance's memory (one instance, or a comparison).
 */
public interface RateLimiter {

    /**
     * Takes one request from {@code integrator}'s {@code budget}, if any is left.
     *
     * @throws RuntimeException when the counts cannot be read (the database did not answer)
     */
    RateLimit tryAcquire(Integrator integrator, Budget budget);
}
