package io.followup.idempotency;

import java.time.Clock;

import io.followup.job.BatchDeletes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes expired idempotency keys, a bounded batch at a time, on every instance (instances cleaning
 * up at once only delete the same rows once); an expired key left over is treated as new anyway.
 * Scheduled by {@link IdempotencyConfiguration} every {@link IdempotencySettings#cleanupInterval()}.
 */
@Component
class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);
    static final int BATCH = 10_000;

    private final IdempotencyStore store;
    private final Clock clock;

    IdempotencyCleanup(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    int deleteExpired() {
        int total = BatchDeletes.untilShort(BATCH, batch -> store.deleteExpired(clock.instant(), batch));
        if (total > 0) {
            log.info("Deleted {} expired idempotency key(s)", total);
        }
        return total;
    }
}
