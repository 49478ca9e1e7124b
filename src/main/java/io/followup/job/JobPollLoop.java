package io.followup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drives the poller on a thread of its own: poll, then sleep until the earliest of the next regular
 * poll, the next pending job's due time, or a wake-up for a job enqueued due sooner. Jobs due between
 * polls therefore start on time instead of waiting for the next poll, and the regular poll keeps
 * correctness independent of any signal.
 */
@Component
class JobPollLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobPollLoop.class);
    /** Shortest pause between polls: a stream of jobs due a millisecond apart is claimed in small batches, not one by one. */
    static final Duration MIN_GAP = Duration.ofMillis(10);

    private final JobPoller poller;
    private final JobStore store;
    private final JobWakeups wakeups;
    private final JobSettings settings;
    private final Clock clock;
    private volatile Thread thread;

    JobPollLoop(JobPoller poller, JobStore store, JobWakeups wakeups, JobSettings settings, Clock clock) {
        this.poller = poller;
        this.store = store;
        this.wakeups = wakeups;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        thread = new Thread(this::run, "job-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            Instant started = clock.instant();
            Instant alarm = started.plus(settings.pollInterval());
            try {
                poller.poll();
                Optional<Instant> next = store.nextDueAt();
                if (next.isPresent() && next.get().isBefore(alarm)) {
                    alarm = next.get();
                }
            }
            catch (RuntimeException ex) {
                log.warn("Polling for jobs failed, trying again in {}: {}", settings.pollInterval(), ex.toString());
            }
            try {
                Instant earliest = started.plus(MIN_GAP);
                wakeups.sleepUntil(alarm.isBefore(earliest) ? earliest : alarm);
                if (clock.instant().isBefore(earliest)) {
                    Thread.sleep(Duration.between(clock.instant(), earliest).toMillis());
                }
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread loop = thread;
        thread = null;
        if (loop != null) {
            loop.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Starts after the poller and stops before it. */
    @Override
    public int getPhase() {
        return poller.getPhase() + 1;
    }
}
