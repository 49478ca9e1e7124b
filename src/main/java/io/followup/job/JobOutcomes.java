package io.followup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what became of a job a worker ran: successes in bulk through the {@link SuccessRecorder};
 * a deferral, a retry with backoff, or a failure for good one by one. Every write names the lease
 * owner, so the outcome of a job whose lease was lost is dropped.
 */
final class JobOutcomes {

    private static final Logger log = LoggerFactory.getLogger(JobOutcomes.class);

    private final JobStore store;
    private final JobMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final RetryPolicy retries;
    private final SuccessRecorder successes;

    JobOutcomes(JobStore store, JobSettings settings, JobMetrics metrics, Clock clock, String owner) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.retries = new RetryPolicy(settings);
        this.successes = new SuccessRecorder(store, metrics, clock, owner);
    }

    void start() {
        successes.start();
    }

    /** Records what is waiting to be recorded, for at most {@code timeout}. */
    void stop(Duration timeout) {
        successes.stop(timeout);
    }

    void succeeded(ClaimedJob job) {
        successes.add(job);
    }

    /** Defers, retries or fails the job, as its failure asks and its attempts allow. */
    void failed(JobHandler handler, ClaimedJob job, Exception ex) {
        if (ex instanceof JobFailure failure && failure.isDeferred()) {
            if (store.defer(job.id(), owner, clock.instant().plus(failure.retryAfter()))) {
                metrics.deferred(job.kind());
                log.debug("Job {} ({}) put back for {}: {}", job.id(), job.kind(), failure.retryAfter(), failure.getMessage());
            }
            return;
        }
        String error = describe(ex);
        boolean permanent = ex instanceof JobFailure failure && failure.isPermanent();
        if (permanent || job.isLastAttempt()) {
            failForGood(job, handler, error);
            return;
        }
        Duration floor = ex instanceof JobFailure failure ? failure.retryAfter() : null;
        Instant next = clock.instant().plus(retries.delayAfter(job.attempt(), floor));
        if (store.retry(job.id(), owner, next, error)) {
            metrics.retried(job.kind());
            log.info("Job {} ({}) attempt {} failed, retrying at {}: {}", job.id(), job.kind(), job.attempt(), next, error);
        }
    }

    /** Fails the job without retrying; {@code handler} (null when there is none for its kind) hears of it. */
    void failForGood(ClaimedJob job, JobHandler handler, String error) {
        if (store.fail(job.id(), owner, clock.instant(), error)) {
            metrics.failed(job.kind());
            log.warn("Job {} ({}) failed for good after {} attempt(s): {}", job.id(), job.kind(), job.attempt(), error);
            if (handler != null) {
                handler.onFailed(job, error);
            }
        }
    }

    /** Cut to what the job table keeps, so log lines repeated on every retry stay as short as the column. */
    private static String describe(Exception ex) {
        String message = ex.getMessage();
        return JobStore.lastError(ex instanceof JobFailure || message != null && !message.isBlank()
                ? String.valueOf(message) : ex.getClass().getSimpleName());
    }
}
