package io.followup.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records succeeded jobs in bulk: workers hand them over and one thread marks everything waiting
 * with a single UPDATE, instead of a round trip per job. When the database cannot be reached the batch
 * is kept and tried again with growing pauses (the lease owner check keeps a late write harmless). A
 * success not yet recorded when the instance dies is run again after its lease (at-least-once, as for
 * any crash).
 */
final class SuccessRecorder {

    private static final Logger log = LoggerFactory.getLogger(SuccessRecorder.class);
    private static final int MAX_BATCH = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final JobStore store;
    private final JobMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final LinkedBlockingQueue<ClaimedJob> succeeded = new LinkedBlockingQueue<>();
    private volatile boolean open;
    private volatile Thread thread;

    SuccessRecorder(JobStore store, JobMetrics metrics, Clock clock, String owner) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
    }

    void start() {
        open = true;
        thread = new Thread(this::recordUntilClosed, "job-successes");
        thread.setDaemon(true);
        thread.start();
    }

    void add(ClaimedJob job) {
        succeeded.add(job);
    }

    /** Records what is waiting, then stops; later successes are not recorded (their jobs are handed back). */
    void stop(Duration timeout) {
        open = false;
        Thread recorder = thread;
        if (recorder == null) {
            return;
        }
        try {
            recorder.join(timeout.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordUntilClosed() {
        List<ClaimedJob> batch = new ArrayList<>();
        long backoffMillis = 0;
        while (open || !succeeded.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    ClaimedJob first = succeeded.poll(20, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                succeeded.drainTo(batch, Math.max(0, MAX_BATCH - batch.size()));
                if (record(batch)) {
                    batch = new ArrayList<>();
                    backoffMillis = 0;
                    continue;
                }
                if (!open) {
                    // Shutting down with the database away: the leases expire and these jobs run again.
                    return;
                }
                // Keep the batch and try again: a short outage should not make finished jobs run twice.
                backoffMillis = Math.min(Math.max(2 * backoffMillis, 100), MAX_BACKOFF_MILLIS);
                Thread.sleep(backoffMillis);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Records a batch; false if the database could not be reached (nothing was recorded). */
    private boolean record(List<ClaimedJob> batch) {
        Set<Long> recorded;
        try {
            recorded = new HashSet<>(store.succeedAll(batch.stream().map(ClaimedJob::id).toList(), owner, clock.instant()));
        }
        catch (RuntimeException ex) {
            log.warn("Could not record {} succeeded job(s), will try again: {}", batch.size(), ex.toString());
            return false;
        }
        for (ClaimedJob job : batch) {
            if (recorded.contains(job.id())) {
                metrics.succeeded(job.kind());
            }
            else {
                log.warn("Job {} finished after its lease was lost; the outcome of the newer run stands", job.id());
            }
        }
        return true;
    }
}
