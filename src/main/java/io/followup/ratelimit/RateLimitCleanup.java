package io.followup.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes, every {@code cleanup-interval}, the buckets of clients idle long enough to have their whole budget back.
 * Only the shared store has such rows (the local one forgets idle clients by itself). Every instance runs it; Bucket4j's delete skips rows another instance holds locked ({@code FOR UPDATE SKIP LOCKED}).
 */
final class RateLimitCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RateLimitCleanup.class);
    static final int BATCH = 1_000;
    /** At most this many batches per run: the next run takes the rest. */
    private static final int MAX_BATCHES = 100;

    private final PostgresRateLimiter limiter;
    private final RateLimitSettings settings;

    RateLimitCleanup(RateLimiter limiter, RateLimitSettings settings) {
        this.limiter = limiter instanceof PostgresRateLimiter shared ? shared : null;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (limiter != null) {
            registrar.addFixedDelayTask(this::run, settings.cleanupInterval());
        }
    }

    /** Returns how many buckets it deleted. */
    int run() {
        int deleted = 0;
        if (limiter == null) {
            return deleted;
        }
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                int batch = limiter.removeExpired(BATCH);
                deleted += batch;
                if (batch < BATCH) {
                    break;
                }
            }
        }
        catch (RuntimeException ex) {
            // The database is away: the rows wait for the next run, and nothing else depends on this one.
            log.warn("Rate-limit buckets of idle clients not cleaned up this time: {}", ex.toString());
        }
        if (deleted > 0) {
            log.debug("Deleted {} rate-limit buckets of idle clients", deleted);
        }
        return deleted;
    }
}
