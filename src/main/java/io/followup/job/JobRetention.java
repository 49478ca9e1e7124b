package io.followup.job;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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

    @Scheduled(fixedDelayString = "${followup.jobs.retention-interval:1h}", initialDelayString = "${followup.jobs.retention-interval:1h}")
    public void deleteOldJobs() {
        if (!settings.enabled()) {
            return;
        }
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteFinishedBefore(clock.instant().minus(settings.retention()), BATCH);
            total += deleted;
        }
        while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} finished job(s) older than {}", total, settings.retention());
        }
    }
}
