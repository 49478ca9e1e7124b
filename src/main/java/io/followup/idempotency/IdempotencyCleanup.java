package io.followup.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired idempotency keys, a bounded batch at a time, on every instance (instances cleaning
 * up at once only delete the same rows once); an expired key left over is treated as new anyway.
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

    @Scheduled(fixedDelayString = "${followup.api.idempotency.cleanup-interval:1h}",
            initialDelayString = "${followup.api.idempotency.cleanup-interval:1h}")
    public int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteExpired(clock.instant(), BATCH);
            total += deleted;
        }
        while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} expired idempotency key(s)", total);
        }
        return total;
    }
}
