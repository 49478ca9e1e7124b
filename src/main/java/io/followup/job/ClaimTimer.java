package io.followup.job;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says when the dispatcher claims: poll, then sleep until the earliest of the next regular poll,
 * the next pending job's due time, or a wake-up for a job enqueued due sooner. Jobs due between polls
 * therefore start on time instead of waiting for the next poll, and the regular poll keeps
 * correctness independent of any signal. The fixed delay between runs is the shortest pause between
 * polls, so jobs due a millisecond apart are claimed in small batches rather than one by one.
 */
@Component
class ClaimTimer {

    private static final Logger log = LoggerFactory.getLogger(ClaimTimer.class);

    private final JobDispatcher dispatcher;
    private final JobStore store;
    private final JobWakeups wakeups;
    private final JobSettings settings;
    private final Clock clock;

    ClaimTimer(JobDispatcher dispatcher, JobStore store, JobWakeups wakeups, JobSettings settings, Clock clock) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.wakeups = wakeups;
        this.settings = settings;
        this.clock = clock;
    }

    /** Run with a fixed delay of {@link JobSchedule#POLL_PAUSE} between runs. */
    void pollThenSleep() {
        if (!dispatcher.isRunning()) {
            return;
        }
        Instant alarm = clock.instant().plus(settings.pollInterval());
        try {
            dispatcher.poll();
            Optional<Instant> next = store.nextDueAt();
            if (next.isPresent() && next.get().isBefore(alarm)) {
                alarm = next.get();
            }
        }
        catch (RuntimeException ex) {
            log.warn("Polling for jobs failed, trying again in {}: {}", settings.pollInterval(), ex.toString());
        }
        try {
            wakeups.sleepUntil(alarm);
        }
        catch (InterruptedException ex) {
            // The scheduler is shutting down.
            Thread.currentThread().interrupt();
        }
    }
}
