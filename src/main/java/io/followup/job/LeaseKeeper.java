package io.followup.job;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Hands back jobs whose lease ran out (their instance died or hung), so another claim runs them, and
 * measures the queue while at it. Runs every {@link JobSettings#leaseCheckInterval()} (see {@link JobSchedule})
 * while this instance's dispatcher runs.
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final JobDispatcher dispatcher;
    private final JobStore store;
    private final JobMetrics metrics;
    private final JobSettings settings;
    private final Clock clock;

    LeaseKeeper(JobDispatcher dispatcher, JobStore store, JobMetrics metrics, JobSettings settings, Clock clock) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** Hands expired leases back and measures the queue. */
    void checkLeases() {
        if (!dispatcher.isRunning()) {
            return;
        }
        Instant now = clock.instant();
        try {
            int reaped = store.reapExpiredLeases(now);
            if (reaped > 0) {
                log.warn("Took back {} job(s) whose lease expired", reaped);
            }
            metrics.queueDepth(store.countDue(now));
        }
        catch (DataAccessException ex) {
            log.warn("Lease check failed, trying again in {}: {}", settings.leaseCheckInterval(), ex.toString());
        }
    }
}
