package io.followup.idempotency;

import java.time.Clock;

import io.followup.job.BatchDeletes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes expired idempotency keys, a bounded batch at a time, on every instance (instances cleaning
 * up at once only delete the same rows once); an expired key left over is treated as new anyway.
 * Timed by {@link IdempotencySettings#cleanupInterval()}.
 */
@Component
class IdempotencyCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);
    static final int BATCH = 10_000;

    private final IdempotencyStore store;
    private final Clock clock;
    private final IdempotencySettings settings;

    IdempotencyCleanup(IdempotencyStore store, Clock clock, IdempotencySettings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, settings.cleanupInterval(), settings.cleanupInterval()));
    }

    int deleteExpired() {
        int total = BatchDeletes.untilShort(BATCH, batch -> store.deleteExpired(clock.instant(), batch));
        if (total > 0) {
            log.info("Deleted {} expired idempotency key(s)", total);
        }
        return total;
    }
}
