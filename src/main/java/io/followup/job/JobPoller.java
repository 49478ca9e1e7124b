package io.followup.job;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Drains the job table: claims due jobs in batches, runs them on a bounded pool, and polls again at
 * once while batches come back full. Safe with any number of instances (SKIP LOCKED keeps them
 * apart); a job whose instance dies is taken over when its lease expires.
 */
@Component
public class JobPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobPoller.class);

    private final JobStore store;
    private final JobSettings settings;
    private final JobMetrics metrics;
    private final Clock clock;
    private final Map<String, JobHandler> handlers;
    private final RetryPolicy retries;
    private final String owner;
    private final Semaphore slots;
    private final SuccessRecorder successes;
    private volatile ExecutorService workers;
    private volatile boolean running;

    JobPoller(JobStore store, JobSettings settings, JobMetrics metrics, Clock clock, List<JobHandler> handlers) {
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.retries = new RetryPolicy(settings);
        this.owner = hostName() + "/" + UUID.randomUUID();
        // Room for one queued job per worker: the next claim overlaps the running jobs, and a queued job
        // waits at most one job's run, far inside its lease.
        this.slots = new Semaphore(2 * settings.concurrency());
        this.successes = new SuccessRecorder(store, metrics, clock, owner);
    }

    /**
     * Claims due jobs, as many as there are free slots (one running and one queued per worker), and
     * goes on at once for as long as batches come back full, waiting for slots to free up rather than
     * for the next poll.
     */
    @Scheduled(fixedDelayString = "${followup.jobs.poll-interval:1s}", initialDelayString = "${followup.jobs.poll-interval:1s}")
    public void poll() {
        while (running) {
            int free = awaitFreeSlots();
            if (free == 0) {
                return;
            }
            int wanted = Math.min(settings.batchSize(), free);
            slots.release(free - wanted);
            List<ClaimedJob> batch;
            Instant now = clock.instant();
            try {
                batch = store.claim(owner, now, now.plus(settings.lease()), wanted);
            }
            catch (RuntimeException ex) {
                slots.release(wanted);
                throw ex;
            }
            slots.release(wanted - batch.size());
            metrics.claimed(batch.size());
            for (ClaimedJob job : batch) {
                workers.execute(() -> runAndRecord(job));
            }
            if (batch.size() < wanted) {
                return;
            }
        }
    }

    /** Takes every free slot, waiting up to one poll interval for the first; 0 if none freed up. */
    private int awaitFreeSlots() {
        try {
            if (!slots.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return 1 + slots.drainPermits();
    }

    /** Hands expired leases back and measures the queue. */
    @Scheduled(fixedDelayString = "${followup.jobs.lease-check-interval:10s}")
    public void checkLeases() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        int reaped = store.reapExpiredLeases(now);
        if (reaped > 0) {
            log.warn("Took back {} job(s) whose lease expired", reaped);
        }
        metrics.queueDepth(store.countDue(now));
    }

    private void runAndRecord(ClaimedJob job) {
        metrics.started(Duration.between(job.runAt(), clock.instant()));
        try {
            JobHandler handler = handlers.get(job.kind());
            if (handler == null) {
                fail(job, null, "No handler for job kind '" + job.kind() + "'");
                return;
            }
            try {
                handler.handle(job);
                successes.add(job);
            }
            catch (Exception ex) {
                afterFailure(handler, job, ex);
            }
        }
        catch (RuntimeException ex) {
            // Recording the outcome failed (database down): the lease will expire and the job runs again.
            log.error("Could not record the outcome of job {}", job.id(), ex);
        }
        finally {
            slots.release();
        }
    }

    private void afterFailure(JobHandler handler, ClaimedJob job, Exception ex) {
        if (!running) {
            // Shutting down: the failure may be our own interrupt. The job is handed back as it was
            // (see stop), or its lease expires; it is not charged an attempt or failed for it.
            return;
        }
        String error = describe(ex);
        boolean permanent = ex instanceof JobFailure failure && failure.isPermanent();
        if (permanent || job.isLastAttempt()) {
            fail(job, handler, error);
            return;
        }
        Duration floor = ex instanceof JobFailure failure ? failure.retryAfter() : null;
        Instant next = clock.instant().plus(retries.delayAfter(job.attempt(), floor));
        if (store.retry(job.id(), owner, next, error)) {
            metrics.retried(job.kind());
            log.info("Job {} ({}) attempt {} failed, retrying at {}: {}", job.id(), job.kind(), job.attempt(), next, error);
        }
    }

    private void fail(ClaimedJob job, JobHandler handler, String error) {
        if (store.fail(job.id(), owner, clock.instant(), error)) {
            metrics.failed(job.kind());
            log.warn("Job {} ({}) failed for good after {} attempt(s): {}", job.id(), job.kind(), job.attempt(), error);
            if (handler != null) {
                handler.onFailed(job, error);
            }
        }
    }

    private static String describe(Exception ex) {
        String message = ex.getMessage();
        return ex instanceof JobFailure || message != null && !message.isBlank()
                ? String.valueOf(message) : ex.getClass().getSimpleName();
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        workers = Executors.newFixedThreadPool(settings.concurrency(), new CustomizableThreadFactory("job-"));
        successes.start();
        running = true;
    }

    /** Stops claiming, lets running jobs finish for a while, then hands the rest back. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        workers.shutdown();
        try {
            workers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        successes.stop(settings.shutdownTimeout());
        // Hand back first, then interrupt: an interrupted handler can then record nothing over it.
        int released = store.release(owner);
        workers.shutdownNow();
        if (released > 0) {
            log.info("Handed back {} unfinished job(s) at shutdown", released);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the data source, so running jobs can still write their outcome. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** This instance's lease name. */
    public String owner() {
        return owner;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (java.io.IOException ex) {
            return "unknown-host";
        }
    }
}
