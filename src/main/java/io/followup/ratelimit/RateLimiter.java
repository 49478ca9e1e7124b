package io.followup.ratelimit;

import java.time.Duration;

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

    /** Longest key of {@link #tryAcquire(String, long, Duration)}: the buckets' key column. */
    int MAX_KEY_LENGTH = 307;

    /**
     * Takes one request from the bucket named {@code key} (at most {@value #MAX_KEY_LENGTH} characters, distinct from
     * the integrators' {@code reads:} and {@code writes:} keys), which allows {@code requests} per {@code period}.
     *
     * @throws RuntimeException when the counts cannot be read (the database did not answer)
     */
    RateLimit tryAcquire(String key, long requests, Duration period);
}
