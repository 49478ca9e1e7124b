package io.followup.job;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Deletes finished jobs once they are older than the retention period, a bounded batch at a time. */
@Component
class JobRetention {

    private static final Logger log = LoggerFactory.getLogger(JobRetention.class);
    private static final int BATCH = 10_000;

    private final JobStore store;
    private final JobSettings settings;
    private final Clock clock;

    JobRetention(JobStore store, JobSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs every {@link JobSettings#retentionInterval()} (see {@link JobSchedule}). */
    void deleteOldJobs() {
        if (!settings.enabled()) {
            return;
        }
        int total = BatchDeletes.untilShort(BATCH,
                batch -> store.deleteFinishedBefore(clock.instant().minus(settings.retention()), batch));
        if (total > 0) {
            log.info("Deleted {} finished job(s) older than {}", total, settings.retention());
        }
    }
}
