package io.followup.job;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the job table: claims due jobs in batches, runs them on a bounded pool ({@link JobThreads}: virtual threads where the JVM has them), and polls again at
 * once while batches come back full; {@link JobOutcomes} records what became of each. Safe with any
 * number of instances (SKIP LOCKED keeps them apart); a job whose instance dies is taken over when its
 * lease expires ({@link LeaseKeeper}). The {@link ClaimTimer} says when to poll.
 */
@Component
class JobDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);
    /** Work queued ahead per worker, measured in time: long enough to cover a claim's round trip. */
    static final Duration PREFETCH_HORIZON = Duration.ofMillis(50);

    private final JobStore store;
    private final JobSettings settings;
    private final JobMetrics metrics;
    private final Clock clock;
    private final Map<String, JobHandler> handlers;
    private final String owner;
    private final WorkSlots slots = new WorkSlots();
    /** Held while a claim runs and its jobs are handed to workers; stop() waits for it. */
    private final ReentrantLock claiming = new ReentrantLock();
    /** Moving average of how long a handler runs, in nanoseconds; 0 until a job has run. */
    private volatile double averageRunNanos;
    private final JobOutcomes outcomes;
    private volatile ExecutorService workers;
    private volatile boolean running;

    JobDispatcher(JobStore store, JobSettings settings, JobMetrics metrics, Clock clock, List<JobHandler> handlers) {
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.owner = JobStore.leaseOwner(hostName(), UUID.randomUUID());
        this.outcomes = new JobOutcomes(store, settings, metrics, clock, owner);
    }

    /**
     * Claims due jobs, as many as this instance may hold (see {@link #holdLimit()}), and goes on at
     * once for as long as batches come back full, waiting for running jobs to finish rather than for
     * the next poll.
     */
    void poll() {
        while (running) {
            int wanted;
            try {
                wanted = slots.reserve(this::holdLimit, this::refill, settings.batchSize(), settings.pollInterval());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            if (wanted == 0) {
                return;
            }
            List<ClaimedJob> batch;
            claiming.lock();
            try {
                if (!running) {
                    slots.release(wanted);
                    return;
                }
                Instant now = clock.instant();
                try {
                    batch = store.claim(owner, now, now.plus(settings.lease()), wanted);
                }
                catch (RuntimeException ex) {
                    slots.release(wanted);
                    throw ex;
                }
                metrics.claimed(batch.size());
                if (!running) {
                    // Stopped while claiming: stop() hands this batch back with the rest.
                    slots.release(wanted);
                    return;
                }
                slots.release(wanted - batch.size());
                for (ClaimedJob job : batch) {
                    workers.execute(() -> runAndRecord(job));
                }
            }
            finally {
                claiming.unlock();
            }
            if (batch.size() < wanted) {
                return;
            }
        }
    }

    /**
     * How many jobs this instance may hold: one running per worker plus a queue that covers about
     * {@link #PREFETCH_HORIZON} of work at the average run time, so the next claim overlaps running
     * jobs. Slow jobs (a webhook call) queue one per worker up to one batch, leaving the rest to other
     * instances; fast jobs queue up to a full batch, so claims stay large and few. The queue never passes a
     * batch: with workers sized for sends in flight (a thousand), one queued job per worker would hold a
     * thousand claimed jobs that nobody runs yet, all waiting out their lease if the instance dies.
     */
    int holdLimit() {
        int workers = settings.concurrency();
        int floor = Math.min(workers, settings.batchSize());
        double average = averageRunNanos;
        long queued = average <= 0 ? floor : (long) (workers * (PREFETCH_HORIZON.toNanos() / average));
        return workers + (int) Math.max(floor, Math.min(settings.batchSize(), queued));
    }

    /** The next claim waits until half the queue has been taken by workers: fewer, larger claims, workers never idle. */
    private int refill() {
        return (holdLimit() - settings.concurrency()) / 2;
    }

    private void runAndRecord(ClaimedJob job) {
        metrics.started(Duration.between(job.runAt(), clock.instant()));
        try {
            JobHandler handler = handlers.get(job.kind());
            if (handler == null) {
                outcomes.failForGood(job, null, "No handler for job kind '" + job.kind() + "'");
                return;
            }
            long started = System.nanoTime();
            try {
                handler.handle(job);
                measureRun(started);
                outcomes.succeeded(job);
            }
            catch (Exception ex) {
                // Failures count too: a provider that hangs until the read timeout makes jobs slow.
                measureRun(started);
                afterFailure(handler, job, ex);
            }
        }
        catch (RuntimeException ex) {
            // Recording the outcome failed (database down): the lease will expire and the job runs again.
            log.error("Could not record the outcome of job {}", job.id(), ex);
        }
        finally {
            slots.release(1);
        }
    }

    private void measureRun(long startedNanos) {
        // Racy on purpose: a lost update among concurrent workers only blurs an estimate.
        averageRunNanos += (System.nanoTime() - startedNanos - averageRunNanos) * 0.05;
    }

    private void afterFailure(JobHandler handler, ClaimedJob job, Exception ex) {
        if (!running) {
            // Shutting down: the failure may be our own interrupt. The job is handed back as it was
            // (see stop), or its lease expires; it is not charged an attempt or failed for it.
            return;
        }
        outcomes.failed(handler, job, ex);
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        workers = JobThreads.pool(settings.concurrency());
        log.info("Job engine: up to {} jobs at once on {} threads", settings.concurrency(),
                JobThreads.virtualAvailable() ? "virtual" : "platform");
        outcomes.start();
        running = true;
    }

    /** Stops claiming, lets running jobs finish for a while, then hands the rest back. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        // Let a claim in flight finish, so its jobs are running or handed back below, not left to their lease.
        claiming.lock();
        claiming.unlock();
        workers.shutdown();
        try {
            workers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        outcomes.stop(settings.shutdownTimeout());
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
    String owner() {
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
