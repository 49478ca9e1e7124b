package io.followup.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.followup.support.Eventually;
import io.followup.support.MutableClock;
import io.followup.support.ScratchDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The job engine against real PostgreSQL, without a Spring context: pollers, store, queue and retention
 * built by hand on a database of this class's own (the Spring-context tests run the service's poller on
 * the shared database, and it would claim any job put there). Pollers are driven by calling
 * {@link JobPoller#poll()} and {@link JobPoller#checkLeases()} from the test, with a {@link MutableClock}
 * wherever time matters.
 */
class JobEngineIntegrationTests {

    private static final Instant T0 = Instant.parse("2030-01-07T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;

    private final List<JobPoller> pollers = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = ScratchDatabase.create("engine", 40);
        jdbc = new JdbcTemplate(database.dataSource());
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyJobTable() {
        jdbc.update("TRUNCATE job");
    }

    @AfterEach
    void stopEverything() {
        gates.forEach(CountDownLatch::countDown);
        pollers.forEach(JobPoller::stop);
    }

    // ---------------------------------------------------------------- many pollers

    @Test
    void fourPollersDrainTwentyThousandJobsEachExactlyOnce() throws Exception {
        int jobs = 20_000;
        Instant due = Instant.now().minusSeconds(1);
        jdbc.update("""
                INSERT INTO job (kind, payload, run_at, max_attempts, created_at)
                SELECT 'noop', jsonb_build_object('n', n), ?, 3, ? FROM generate_series(1, ?) AS n
                """, JobStore.ts(due), JobStore.ts(due), jobs);
        JobSettings settings = TestJobSettings.defaults().concurrency(8).batchSize(200).lease(Duration.ofMinutes(5)).build();
        ConcurrentHashMap<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<AtomicInteger> perPoller = new ArrayList<>();
        List<JobPoller> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AtomicInteger mine = new AtomicInteger();
            perPoller.add(mine);
            four.add(startPoller(settings, Clock.systemUTC(), new SimpleMeterRegistry(), new TestHandler("noop", runs, job -> mine.incrementAndGet())));
        }
        assertThat(four).extracting(JobPoller::owner).doesNotHaveDuplicates();

        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> pollFailure = new AtomicReference<>();
        ExecutorService loops = Executors.newFixedThreadPool(four.size());
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        four.forEach(poller -> running.add(loops.submit(() -> {
            try {
                while (!done.get()) {
                    poller.poll();
                    Thread.sleep(2);
                }
            }
            catch (Throwable ex) {
                pollFailure.compareAndSet(null, ex);
            }
        })));
        try {
            Eventually.until("all " + jobs + " jobs succeeded", Duration.ofSeconds(90), () -> {
                if (pollFailure.get() != null) {
                    throw new AssertionError("A poll failed", pollFailure.get());
                }
                return runs.size() >= jobs && countWhere("status = 'succeeded'") == jobs;
            }, () -> {
            });
        }
        finally {
            done.set(true);
            loops.shutdown();
        }
        long elapsedNanos = System.nanoTime() - started;
        for (Future<?> loop : running) {
            loop.get(30, TimeUnit.SECONDS);
        }
        four.forEach(JobPoller::stop);
        System.out.printf("Job engine drain: %,d no-op jobs by 4 pollers x %d workers (batch %d) in %,d ms = %,.0f jobs/s%n",
                jobs, settings.concurrency(), settings.batchSize(), TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
                jobs / (elapsedNanos / 1e9));

        assertThat(pollFailure.get()).isNull();
        assertThat(runs).hasSize(jobs);
        assertThat(runs.entrySet()).filteredOn(entry -> entry.getValue().get() != 1).as("jobs run more than once").isEmpty();
        assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT id FROM job", Long.class));
        assertThat(countWhere("TRUE")).isEqualTo(jobs);
        assertThat(countWhere("status = 'succeeded' AND attempts = 1 AND lease_owner IS NULL AND finished_at IS NOT NULL")).isEqualTo(jobs);
        assertThat(perPoller).as("every poller took part").allSatisfy(count -> assertThat(count.get()).isPositive());
        assertThat(perPoller.stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(jobs);
    }

    // ---------------------------------------------------------------- leases

    @Test
    void aPollerThatHangsLosesItsJobsToAnotherWhenTheLeaseExpiresAndItsLateOutcomeIsIgnored() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(10).lease(Duration.ofSeconds(30)).build();
        JobQueue queue = queue(settings, clock);
        List<Long> ids = enqueueDue(queue, "work", 10, T0);

        CountDownLatch entered = new CountDownLatch(10);
        CountDownLatch wakeUp = gate();
        ConcurrentHashMap<Long, AtomicInteger> hungRuns = new ConcurrentHashMap<>();
        SimpleMeterRegistry hungMetrics = new SimpleMeterRegistry();
        JobPoller hung = startPoller(settings, clock, hungMetrics, new TestHandler("work", hungRuns, job -> {
            entered.countDown();
            awaitIgnoringInterrupts(wakeUp);
        }));
        hung.poll();
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("the hung poller runs all 10 jobs").isTrue();
        assertThat(rows(ids)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("running");
            assertThat(row.leaseOwner()).isEqualTo(hung.owner());
            assertThat(row.leaseExpiresAt()).isEqualTo(T0.plusSeconds(30));
        });

        SimpleMeterRegistry liveMetrics = new SimpleMeterRegistry();
        TestHandler work = new TestHandler("work");
        JobPoller live = startPoller(settings, clock, liveMetrics, work);
        live.poll();
        clock.advance(Duration.ofSeconds(29));
        live.checkLeases();
        live.poll();
        assertThat(work.totalRuns()).as("leases still valid: nothing taken over").isZero();
        assertThat(rows(ids)).allSatisfy(row -> assertThat(row.leaseOwner()).isEqualTo(hung.owner()));

        clock.advance(Duration.ofSeconds(2));
        live.checkLeases();
        assertThat(rows(ids)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.leaseOwner()).isNull();
            assertThat(row.leaseExpiresAt()).isNull();
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).isEqualTo("lease expired");
        });
        assertThat(liveMetrics.get("followup.jobs.queue.depth").gauge().value()).isEqualTo(10.0);

        Eventually.until("the live poller finished every job", () -> countWhere("status = 'succeeded'") == 10, live::poll);
        assertThat(work.runs).containsOnlyKeys(ids).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
        List<JobRow> finished = rows(ids);
        assertThat(finished).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("succeeded");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.leaseOwner()).isNull();
        });

        // The hung instance wakes up and reports success for jobs that are no longer its own.
        wakeUp.countDown();
        hung.stop();
        assertThat(hungRuns).hasSize(10);
        assertThat(hungMetrics.find("followup.jobs.succeeded").counter()).isNull();
        JobStore store = new JobStore(jdbc);
        for (long id : ids) {
            assertThat(store.succeedAll(List.of(id), hung.owner(), clock.instant())).isEmpty();
            assertThat(store.fail(id, hung.owner(), clock.instant(), "late")).isFalse();
            assertThat(store.retry(id, hung.owner(), clock.instant(), "late")).isFalse();
        }
        assertThat(rows(ids)).isEqualTo(finished);
    }

    @Test
    void jobsClaimedByADeadOwnerAreReapedOnlyAfterTheLeaseAndRunByALivePoller() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().lease(Duration.ofSeconds(30)).build();
        List<Long> ids = enqueueDue(queue(settings, clock), "work", 40, T0);
        JobStore store = new JobStore(jdbc);
        String dead = "crashed-host/" + java.util.UUID.randomUUID();

        List<ClaimedJob> claimed = store.claim(dead, T0, T0.plusSeconds(30), 100);
        assertThat(claimed).extracting(ClaimedJob::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claimed).allSatisfy(job -> assertThat(job.attempt()).isEqualTo(1));

        TestHandler work = new TestHandler("work");
        JobPoller live = startPoller(settings, clock, new SimpleMeterRegistry(), work);
        clock.set(T0.plusSeconds(30));
        live.checkLeases();
        live.poll();
        assertThat(countWhere("status = 'running'")).as("a lease that has not run out is kept").isEqualTo(40);

        clock.set(T0.plusSeconds(31));
        live.checkLeases();
        Eventually.until("every job of the dead owner ran", () -> countWhere("status = 'succeeded'") == 40, live::poll);

        assertThat(work.runs).containsOnlyKeys(ids).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
        List<JobRow> finished = rows(ids);
        assertThat(finished).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(2));
        for (ClaimedJob job : claimed) {
            assertThat(store.succeedAll(List.of(job.id()), dead, clock.instant().plusSeconds(5))).isEmpty();
        }
        assertThat(rows(ids)).isEqualTo(finished);
    }

    // ---------------------------------------------------------------- retries and failures

    @Test
    void aFailingJobIsRetriedWithGrowingBackoffThenFailsForGoodWithItsError() {
        MutableClock clock = new MutableClock(T0);
        Duration initial = Duration.ofSeconds(10);
        Duration jitter = Duration.ofMillis(500);
        JobSettings settings = TestJobSettings.defaults().maxAttempts(3)
                .backoff(initial, 2.0, Duration.ofHours(1), jitter).build();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler flaky = new TestHandler("flaky", job -> {
            throw new IllegalStateException("boom " + job.attempt());
        });
        JobPoller poller = startPoller(settings, clock, metrics, flaky);
        long id = queue(settings, clock).enqueue("flaky", Map.of("n", 1), T0, null).orElseThrow();

        Eventually.until("attempt 1 recorded as a retry", () -> statusAndAttempts(id, "pending", 1), poller::poll);
        JobRow first = row(id);
        Duration firstDelay = Duration.between(T0, first.runAt());
        assertThat(firstDelay).isBetween(initial, initial.plus(jitter));
        assertThat(first.lastError()).isEqualTo("boom 1");
        assertThat(first.leaseOwner()).isNull();

        poller.poll();
        clock.set(first.runAt().minusMillis(1));
        poller.poll();
        assertThat(row(id).attempts()).as("not claimed before its retry time").isEqualTo(1);

        clock.set(first.runAt());
        Eventually.until("attempt 2 recorded as a retry", () -> statusAndAttempts(id, "pending", 2), poller::poll);
        JobRow second = row(id);
        Duration secondDelay = Duration.between(first.runAt(), second.runAt());
        Duration base = initial.multipliedBy(2);
        assertThat(secondDelay).as("about twice the first wait")
                .isBetween(base.minus(base.dividedBy(10)), base.plus(jitter).plus(base.dividedBy(10)));
        assertThat(second.lastError()).isEqualTo("boom 2");

        clock.set(second.runAt());
        Eventually.until("the job failed for good", () -> flaky.failures.size() == 1, poller::poll);
        JobRow failed = row(id);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("boom 3");
        assertThat(failed.finishedAt()).isEqualTo(second.runAt());
        assertThat(failed.leaseOwner()).isNull();
        assertThat(flaky.failures).containsExactly(new Failure(id, "boom 3"));

        clock.advance(Duration.ofDays(1));
        poller.checkLeases();
        poller.poll();
        poller.poll();
        assertThat(row(id)).isEqualTo(failed);
        assertThat(flaky.runs(id)).isEqualTo(3);
        assertThat(flaky.failures).hasSize(1);
        Eventually.until("the outcomes were counted", () -> count(metrics, "followup.jobs.retried", "flaky") == 2
                && count(metrics, "followup.jobs.failed", "flaky") == 1);
        assertThat(count(metrics, "followup.jobs.retried", "flaky")).isEqualTo(2);
        assertThat(count(metrics, "followup.jobs.failed", "flaky")).isEqualTo(1);
        assertThat(metrics.find("followup.jobs.succeeded").counter()).isNull();
    }

    @Test
    void aDeferredJobIsPutBackWithoutUsingAnAttemptEvenOnItsLastOne() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().maxAttempts(1).build();
        long id = enqueueDue(queue(settings, clock), "busy", 1, T0).get(0);
        AtomicInteger busyAnswers = new AtomicInteger(2);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler handler = new TestHandler("busy", job -> {
            if (busyAnswers.getAndDecrement() > 0) {
                throw JobFailure.defer("provider busy", Duration.ofSeconds(5));
            }
        });
        JobPoller poller = startPoller(settings, clock, metrics, handler);

        for (int round = 1; round <= 2; round++) {
            int expectedRuns = round;
            Eventually.until("deferral " + round + " recorded", () -> handler.runs.getOrDefault(id, new AtomicInteger()).get() == expectedRuns
                    && countWhere("status = 'pending'") == 1, poller::poll);
            JobRow row = row(id);
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.attempts()).as("the claim's attempt is given back").isZero();
            assertThat(row.runAt()).isEqualTo(clock.instant().plusSeconds(5));
            clock.advance(Duration.ofSeconds(5));
        }
        Eventually.until("the job ran to success", () -> countWhere("status = 'succeeded'") == 1, poller::poll);

        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(count(metrics, "followup.jobs.deferred", "busy")).isEqualTo(2);
        assertThat(metrics.find("followup.jobs.failed").counter()).isNull();
        assertThat(metrics.find("followup.jobs.retried").counter()).isNull();
    }

    @Test
    void aPermanentFailureFailsAtOnce() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().maxAttempts(5).build();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler rejected = new TestHandler("rejected", job -> {
            throw JobFailure.permanent("400 Bad Request: unknown template");
        });
        JobPoller poller = startPoller(settings, clock, metrics, rejected);
        long id = queue(settings, clock).enqueue("rejected", Map.of(), T0, null).orElseThrow();

        Eventually.until("the job failed", () -> rejected.failures.size() == 1, poller::poll);
        clock.advance(Duration.ofHours(2));
        poller.checkLeases();
        poller.poll();

        JobRow row = row(id);
        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("400 Bad Request: unknown template");
        assertThat(row.finishedAt()).isEqualTo(T0);
        assertThat(rejected.runs(id)).isEqualTo(1);
        assertThat(rejected.failures).containsExactly(new Failure(id, "400 Bad Request: unknown template"));
        assertThat(count(metrics, "followup.jobs.failed", "rejected")).isEqualTo(1);
        assertThat(metrics.find("followup.jobs.retried").counter()).isNull();
    }

    @Test
    void aRetryAfterHintDelaysTheNextAttemptAtLeastThatLong() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().build();
        TestHandler throttled = new TestHandler("throttled", job -> {
            throw JobFailure.retry("429 Too Many Requests", Duration.ofMinutes(5), null);
        });
        JobPoller poller = startPoller(settings, clock, new SimpleMeterRegistry(), throttled);
        long id = queue(settings, clock).enqueue("throttled", Map.of(), T0, null).orElseThrow();

        Eventually.until("the job is waiting to retry", () -> statusAndAttempts(id, "pending", 1), poller::poll);
        JobRow row = row(id);
        assertThat(row.runAt()).isAfterOrEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(row.lastError()).isEqualTo("429 Too Many Requests");

        clock.set(T0.plus(Duration.ofMinutes(5)).minusMillis(1));
        poller.poll();
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(throttled.failures).isEmpty();
    }

    @Test
    void aJobOfAnUnknownKindFails() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().build();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        JobPoller poller = startPoller(settings, clock, metrics, new TestHandler("noop"));
        long id = queue(settings, clock).enqueue("no-such-kind", Map.of(), T0, null).orElseThrow();

        Eventually.until("the job failed", () -> "failed".equals(row(id).status()), poller::poll);

        JobRow row = row(id);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("No handler for job kind").contains("no-such-kind");
        // The outcome is written before it is counted: wait for the count rather than race it.
        Eventually.until("the failure was counted", () -> count(metrics, "followup.jobs.failed", "no-such-kind") == 1);
        assertThat(count(metrics, "followup.jobs.failed", "no-such-kind")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- what gets claimed

    @Test
    void jobsThatAreNotYetDueAreNotClaimed() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().build();
        JobQueue queue = queue(settings, clock);
        TestHandler work = new TestHandler("work");
        JobPoller poller = startPoller(settings, clock, new SimpleMeterRegistry(), work);
        long due = queue.enqueue("work", Map.of(), T0, null).orElseThrow();
        long later = queue.enqueue("work", Map.of(), T0.plus(Duration.ofHours(1)), null).orElseThrow();

        Eventually.until("the due job ran", () -> "succeeded".equals(row(due).status()), poller::poll);
        clock.set(T0.plus(Duration.ofHours(1)).minusMillis(1));
        poller.poll();

        JobRow waiting = row(later);
        assertThat(waiting.status()).isEqualTo("pending");
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.startedAt()).isNull();
        assertThat(work.runs).containsOnlyKeys(due);

        clock.set(T0.plus(Duration.ofHours(1)));
        Eventually.until("the later job ran once due", () -> "succeeded".equals(row(later).status()), poller::poll);
        assertThat(work.runs(later)).isEqualTo(1);
    }

    @Test
    void aCancelledJobNeverRuns() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().build();
        JobQueue queue = queue(settings, clock);
        TestHandler work = new TestHandler("work");
        long cancelled = queue.enqueue("work", Map.of(), T0, null).orElseThrow();
        long kept = queue.enqueue("work", Map.of(), T0, null).orElseThrow();

        assertThat(queue.cancel(cancelled)).isTrue();
        JobPoller poller = startPoller(settings, clock, new SimpleMeterRegistry(), work);
        Eventually.until("the other job ran", () -> "succeeded".equals(row(kept).status()), poller::poll);
        clock.advance(Duration.ofDays(1));
        poller.checkLeases();
        poller.poll();

        JobRow row = row(cancelled);
        assertThat(row.status()).isEqualTo("cancelled");
        assertThat(row.attempts()).isZero();
        assertThat(row.finishedAt()).isEqualTo(T0);
        assertThat(work.runs).containsOnlyKeys(kept);
        assertThat(queue.cancel(kept)).as("a finished job cannot be cancelled").isFalse();
        assertThat(row(kept).status()).isEqualTo("succeeded");
    }

    @Test
    void aSecondEnqueueWithTheSameDedupeKeyCreatesNothing() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().build();
        JobQueue queue = queue(settings, clock);

        var first = queue.enqueue("work", Map.of("step", 1), T0, "enrollment-7/step-1");
        var second = queue.enqueue("work", Map.of("step", 2), T0.plusSeconds(60), "enrollment-7/step-1");
        var other = queue.enqueue("work", Map.of("step", 2), T0, "enrollment-7/step-2");
        var noKey1 = queue.enqueue("work", Map.of(), T0, null);
        var noKey2 = queue.enqueue("work", Map.of(), T0, null);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(other).isPresent();
        assertThat(noKey1).isPresent();
        assertThat(noKey2).isPresent();
        assertThat(countWhere("dedupe_key = 'enrollment-7/step-1'")).isEqualTo(1);
        assertThat(countWhere("TRUE")).isEqualTo(4);
        JobRow row = row(first.orElseThrow());
        assertThat(row.runAt()).isEqualTo(T0);
        assertThat(jdbc.queryForObject("SELECT payload::text FROM job WHERE id = ?", String.class, first.orElseThrow()))
                .isEqualTo("{\"step\": 1}");
    }

    @Test
    void onePollClaimsFullBatchesAgainAtOnceAndQueuesAtMostOneJobPerWorker() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(50).batchSize(20).build();
        List<Long> ids = enqueueDue(queue(settings, clock), "work", 120, T0);
        CountDownLatch go = gate();
        AtomicInteger current = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler work = new TestHandler("work", job -> {
            peak.accumulateAndGet(current.incrementAndGet(), Math::max);
            try {
                go.await();
            }
            finally {
                current.decrementAndGet();
            }
        });
        JobPoller poller = startPoller(settings, clock, metrics, work);

        poller.poll();

        // 50 run, 50 more wait in the local queue (one per worker), the rest stay in the table.
        assertThat(countWhere("status = 'running'")).isEqualTo(100);
        assertThat(countWhere("status = 'pending'")).isEqualTo(20);
        assertThat(metrics.get("followup.jobs.claimed").counter().count()).isEqualTo(100.0);
        poller.poll();
        assertThat(countWhere("status = 'running'")).as("no free slot: nothing more claimed").isEqualTo(100);

        go.countDown();
        Eventually.until("all jobs ran", () -> countWhere("status = 'succeeded'") == 120, poller::poll);
        assertThat(peak.get()).isLessThanOrEqualTo(50);
        assertThat(work.runs).containsOnlyKeys(ids);
    }

    @Test
    void successesThatCannotBeRecordedAreKeptAndRecordedOnceTheDatabaseAnswersAgain() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(4).build();
        enqueueDue(queue(settings, clock), "work", 20, T0);
        AtomicInteger refusals = new AtomicInteger(3);
        JobStore flaky = new JobStore(jdbc) {
            @Override
            List<Long> succeedAll(List<Long> ids, String owner, Instant now) {
                if (refusals.getAndDecrement() > 0) {
                    throw new org.springframework.dao.DataAccessResourceFailureException("connection refused");
                }
                return super.succeedAll(ids, owner, now);
            }
        };
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler work = new TestHandler("work", job -> { });
        JobPoller poller = startPoller(flaky, settings, clock, metrics, work);

        poller.poll();

        Eventually.until("every success recorded after the refusals", () -> countWhere("status = 'succeeded'") == 20, () -> { });
        assertThat(refusals.get()).as("the database refused three times").isNegative();
        assertThat(work.runs.values()).as("each job ran once").allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
        assertThat(count(metrics, "followup.jobs.succeeded", "work")).isEqualTo(20);
    }

    @Test
    void fastJobsAreClaimedInFullBatchesOnceTheirRunTimeIsKnown() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(4).batchSize(200).build();
        enqueueDue(queue(settings, clock), "work", 2_000, T0);
        List<Integer> claimSizes = new CopyOnWriteArrayList<>();
        JobStore recording = new JobStore(jdbc) {
            @Override
            List<ClaimedJob> claim(String owner, Instant now, Instant leaseUntil, int limit) {
                List<ClaimedJob> claimed = super.claim(owner, now, leaseUntil, limit);
                claimSizes.add(claimed.size());
                return claimed;
            }
        };
        JobPoller poller = startPoller(recording, settings, clock, new SimpleMeterRegistry(), new TestHandler("work", job -> { }));

        Eventually.until("all jobs ran", () -> countWhere("status = 'succeeded'") == 2_000, poller::poll);

        assertThat(claimSizes.get(0)).as("nothing known yet: one queued job per worker").isEqualTo(8);
        // One job queued per worker would take at least 2,000 / 8 = 250 claims; queueing a batch, refilled
        // when half of it is taken, takes about 2,000 / 100.
        assertThat(Collections.max(claimSizes)).as("no-op jobs: up to a batch queued ahead").isGreaterThanOrEqualTo(100);
        assertThat(claimSizes).as("few, large claims").hasSizeLessThan(40);
        assertThat(claimSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * A handler blocked in an interruptible wait, as one blocked on I/O would be. Shutdown interrupts it and
     * hands its job back; the two race, so the store here lets release wait (at most 2 s) for the interrupted
     * handlers' threads to end first: the interleaving that otherwise shows up in about a third of runs.
     */
    /** A poll goes on while there is work, waiting for workers to free up, instead of sleeping a poll interval. */
    @Test
    void onePollKeepsDrainingAsWorkersFreeUpNotOneBatchPerInterval() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(4).batchSize(200).build();
        enqueueDue(queue(settings, clock), "work", 100, T0);
        TestHandler work = new TestHandler("work", job -> { });
        JobPoller poller = startPoller(settings, clock, new SimpleMeterRegistry(), work);

        poller.poll();

        assertThat(countWhere("status = 'pending'")).as("one poll call claimed every due job, 4 at a time").isZero();
        Eventually.until("all jobs ran", () -> countWhere("status = 'succeeded'") == 100, () -> { });
        assertThat(work.runs).hasSize(100);
    }

    @Test
    void shutdownHandsBackTheJobsOfHandlersThatDoNotFinishInTime() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(4).maxAttempts(3)
                .shutdownTimeout(Duration.ofMillis(200)).build();
        List<Long> ids = enqueueDue(queue(settings, clock), "slow", 6, T0);
        CountDownLatch entered = new CountDownLatch(4);
        CountDownLatch never = gate();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        TestHandler slow = new TestHandler("slow", job -> {
            workers.add(Thread.currentThread());
            entered.countDown();
            never.await();
        });
        // Two of them are on their last attempt: shutdown must not fail them for good either.
        jdbc.update("UPDATE job SET max_attempts = 1 WHERE id IN (?, ?)", ids.get(0), ids.get(1));
        JobPoller first = startPoller(new ReleaseAfterWorkersEnd(jdbc, workers, Duration.ofSeconds(2)), settings, clock,
                new SimpleMeterRegistry(), slow);
        first.poll();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        // 4 jobs run and block; the other 2 are claimed and queued for the next free worker.
        assertThat(countWhere("status = 'running' AND attempts = 1")).isEqualTo(6);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> first.stop());
        assertThat(first.isRunning()).isFalse();
        joinAll(workers);
        first.poll();

        assertThat(rows(ids)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.leaseOwner()).isNull();
            assertThat(row.leaseExpiresAt()).isNull();
            assertThat(row.attempts()).as("the attempt cut short by shutdown is given back").isZero();
            assertThat(row.runAt()).as("handed back for an immediate run, not a backoff").isEqualTo(T0);
            assertThat(row.lastError()).isNull();
        });
        assertThat(slow.failures).isEmpty();

        TestHandler quick = new TestHandler("slow");
        JobPoller second = startPoller(settings, clock, new SimpleMeterRegistry(), quick);
        Eventually.until("another poller ran them", () -> countWhere("status = 'succeeded'") == 6, second::poll);
        assertThat(rows(ids)).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(1));
        assertThat(quick.runs).containsOnlyKeys(ids);
    }

    /** A handler that ignores the interrupt and finishes after its job was handed back. */
    @Test
    void aClaimInFlightAtShutdownIsHandedBackNotLeftToItsLease() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(4).build();
        enqueueDue(queue(settings, clock), "work", 10, T0);
        CountDownLatch claimStarted = new CountDownLatch(1);
        CountDownLatch letClaimFinish = gate();
        JobStore slowClaims = new JobStore(jdbc) {
            @Override
            List<ClaimedJob> claim(String owner, Instant now, Instant leaseUntil, int limit) {
                List<ClaimedJob> claimed = super.claim(owner, now, leaseUntil, limit);
                claimStarted.countDown();
                awaitIgnoringInterrupts(letClaimFinish);
                return claimed;
            }
        };
        TestHandler work = new TestHandler("work", job -> { });
        JobPoller poller = startPoller(slowClaims, settings, clock, new SimpleMeterRegistry(), work);
        Thread polling = new Thread(poller::poll);
        polling.start();
        assertThat(claimStarted.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stopping = new Thread(poller::stop);
        stopping.start();
        Thread.sleep(200);
        assertThat(stopping.isAlive()).as("stop waits for the claim in flight").isTrue();
        letClaimFinish.countDown();
        stopping.join(10_000);
        polling.join(10_000);

        assertThat(work.runs).as("nothing ran after stop").isEmpty();
        assertThat(countWhere("status = 'pending' AND attempts = 0 AND lease_owner IS NULL"))
                .as("the batch claimed during shutdown was handed back at once").isEqualTo(10);
    }

        @Test
    void aHandlerThatFinishesAfterShutdownHandedItsJobBackCannotOverwriteTheNewRun() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(3).shutdownTimeout(Duration.ofMillis(200)).build();
        List<Long> ids = enqueueDue(queue(settings, clock), "stubborn", 3, T0);
        CountDownLatch entered = new CountDownLatch(3);
        CountDownLatch wakeUp = gate();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        SimpleMeterRegistry firstMetrics = new SimpleMeterRegistry();
        JobPoller first = startPoller(settings, clock, firstMetrics, new TestHandler("stubborn", job -> {
            workers.add(Thread.currentThread());
            entered.countDown();
            awaitIgnoringInterrupts(wakeUp);
        }));
        first.poll();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> first.stop());
        assertThat(rows(ids)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.leaseOwner()).isNull();
            assertThat(row.attempts()).isZero();
        });

        TestHandler quick = new TestHandler("stubborn");
        JobPoller second = startPoller(settings, clock, new SimpleMeterRegistry(), quick);
        Eventually.until("another poller ran them", () -> countWhere("status = 'succeeded'") == 3, second::poll);
        List<JobRow> finished = rows(ids);

        wakeUp.countDown();
        joinAll(workers);
        assertThat(rows(ids)).isEqualTo(finished);
        assertThat(firstMetrics.find("followup.jobs.succeeded").counter()).isNull();
    }

    // ---------------------------------------------------------------- retention and metrics

    @Test
    void retentionDeletesFinishedJobsOlderThanTheRetentionPeriodOnly() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().retention(Duration.ofDays(7)).build();
        Instant cutoff = T0.minus(Duration.ofDays(7));
        long oldSucceeded = insert("succeeded", cutoff.minusSeconds(1));
        long oldFailed = insert("failed", cutoff.minus(Duration.ofDays(1)));
        long oldCancelled = insert("cancelled", cutoff.minus(Duration.ofDays(30)));
        long atCutoff = insert("succeeded", cutoff);
        long recentSucceeded = insert("succeeded", T0.minus(Duration.ofDays(6)));
        long recentFailed = insert("failed", T0.minusSeconds(60));
        long oldPending = insert("pending", null);
        long oldRunning = insert("running", null);
        jdbc.update("""
                INSERT INTO job (kind, payload, run_at, status, attempts, max_attempts, created_at, started_at, finished_at)
                SELECT 'bulk', '{}'::jsonb, ?, 'succeeded', 1, 3, ?, ?, ? FROM generate_series(1, 25000)
                """, JobStore.ts(T0.minus(Duration.ofDays(40))), JobStore.ts(T0.minus(Duration.ofDays(40))),
                JobStore.ts(T0.minus(Duration.ofDays(40))), JobStore.ts(T0.minus(Duration.ofDays(10))));

        new JobRetention(new JobStore(jdbc), settings, clock).deleteOldJobs();

        assertThat(jdbc.queryForList("SELECT id FROM job", Long.class))
                .containsExactlyInAnyOrder(atCutoff, recentSucceeded, recentFailed, oldPending, oldRunning)
                .doesNotContain(oldSucceeded, oldFailed, oldCancelled);
    }

    @Test
    void metricsCountClaimedAndSucceededJobsAndMeasureLatenessAndQueueDepth() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().concurrency(8).build();
        JobQueue queue = queue(settings, clock);
        int jobs = 500;
        enqueueDue(queue, "noop", jobs, T0.minusSeconds(60));
        queue.enqueue("noop", Map.of(), T0.plusSeconds(3600), null).orElseThrow();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        JobPoller poller = startPoller(settings, clock, metrics, new TestHandler("noop"));

        poller.checkLeases();
        assertThat(metrics.get("followup.jobs.queue.depth").gauge().value()).isEqualTo((double) jobs);

        Eventually.until("the due jobs ran", () -> countWhere("status = 'succeeded'") == jobs, poller::poll);
        Eventually.until("every success was counted", () -> count(metrics, "followup.jobs.succeeded", "noop") == jobs);
        poller.checkLeases();

        assertThat(metrics.get("followup.jobs.claimed").counter().count()).isEqualTo(jobs);
        assertThat(count(metrics, "followup.jobs.succeeded", "noop")).isEqualTo(jobs);
        Timer lateness = metrics.get("followup.jobs.lateness").timer();
        assertThat(lateness.count()).isEqualTo(jobs);
        assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(jobs * 60_000.0);
        assertThat(lateness.max(TimeUnit.MILLISECONDS)).isEqualTo(60_000.0);
        assertThat(metrics.get("followup.jobs.queue.depth").gauge().value()).isZero();
        assertThat(metrics.find("followup.jobs.failed").counter()).isNull();
        assertThat(metrics.find("followup.jobs.retried").counter()).isNull();
    }

    // ---------------------------------------------------------------- support

    private JobPoller startPoller(JobSettings settings, Clock clock, MeterRegistry registry, JobHandler... handlers) {
        return startPoller(new JobStore(jdbc), settings, clock, registry, handlers);
    }

    private JobPoller startPoller(JobStore store, JobSettings settings, Clock clock, MeterRegistry registry, JobHandler... handlers) {
        JobPoller poller = new JobPoller(store, settings, new JobMetrics(registry), clock, List.of(handlers));
        pollers.add(poller);
        poller.start();
        assertThat(poller.isRunning()).isTrue();
        return poller;
    }

    private static JobQueue queue(JobSettings settings, Clock clock) {
        return new JobQueue(jdbc, JSON, settings, clock, new JobWakeups(clock));
    }

    private static List<Long> enqueueDue(JobQueue queue, String kind, int count, Instant runAt) {
        return IntStream.range(0, count)
                .mapToObj(i -> queue.enqueue(kind, Map.of("n", i), runAt, null).orElseThrow())
                .toList();
    }

    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            // Returns normally, as a handler that does not notice interruption would.
            Thread.interrupted();
        }
    }

    private static void joinAll(Set<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("worker %s finished", thread.getName()).isFalse();
        }
    }

    private static long insert(String status, Instant finishedAt) {
        Instant longAgo = T0.minus(Duration.ofDays(60));
        return jdbc.queryForObject("""
                INSERT INTO job (kind, payload, run_at, status, attempts, max_attempts, created_at, lease_owner, lease_expires_at, finished_at)
                VALUES ('work', '{}'::jsonb, ?, ?, ?, 3, ?, ?, ?, ?) RETURNING id
                """, Long.class, JobStore.ts(longAgo), status, "pending".equals(status) ? 0 : 1, JobStore.ts(longAgo),
                "running".equals(status) ? "some-host/1" : null,
                "running".equals(status) ? JobStore.ts(T0.plusSeconds(60)) : null,
                finishedAt == null ? null : JobStore.ts(finishedAt));
    }

    private static long countWhere(String condition) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM job WHERE " + condition, Long.class);
        return count == null ? 0 : count;
    }

    private static boolean statusAndAttempts(long id, String status, int attempts) {
        JobRow row = row(id);
        return row.status().equals(status) && row.attempts() == attempts;
    }

    private static double count(MeterRegistry registry, String name, String kind) {
        Counter counter = registry.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private static JobRow row(long id) {
        return jdbc.queryForObject("SELECT * FROM job WHERE id = ?", JobEngineIntegrationTests::jobRow, id);
    }

    private static List<JobRow> rows(List<Long> ids) {
        return jdbc.query("SELECT * FROM job WHERE id = ANY (?) ORDER BY id", JobEngineIntegrationTests::jobRow,
                (Object) ids.toArray(Long[]::new));
    }

    private static JobRow jobRow(ResultSet rs, int rowNum) throws SQLException {
        return new JobRow(rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("lease_owner"), instant(rs, "lease_expires_at"), instant(rs, "run_at"), rs.getString("last_error"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Lets {@link #release} wait, up to a bound, until the given worker threads have ended. */
    static final class ReleaseAfterWorkersEnd extends JobStore {

        private final Set<Thread> workers;
        private final Duration atMost;

        ReleaseAfterWorkersEnd(JdbcTemplate jdbc, Set<Thread> workers, Duration atMost) {
            super(jdbc);
            this.workers = workers;
            this.atMost = atMost;
        }

        @Override
        int release(String owner) {
            long deadline = System.nanoTime() + atMost.toNanos();
            try {
                for (Thread worker : workers) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left > 0) {
                        worker.join(left);
                    }
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return super.release(owner);
        }
    }

    record JobRow(long id, String kind, String status, int attempts, String leaseOwner, Instant leaseExpiresAt,
            Instant runAt, String lastError, Instant startedAt, Instant finishedAt) {
    }

    record Failure(long id, String error) {
    }

    @FunctionalInterface
    interface Body {
        void run(ClaimedJob job) throws Exception;
    }

    /** Counts the runs of each job, then does {@code body}; records each {@code onFailed}. */
    static final class TestHandler implements JobHandler {

        final String kind;
        final ConcurrentHashMap<Long, AtomicInteger> runs;
        final Body body;
        final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();

        TestHandler(String kind) {
            this(kind, job -> {
            });
        }

        TestHandler(String kind, Body body) {
            this(kind, new ConcurrentHashMap<>(), body);
        }

        TestHandler(String kind, ConcurrentHashMap<Long, AtomicInteger> runs, Body body) {
            this.kind = kind;
            this.runs = runs;
            this.body = body;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void handle(ClaimedJob job) throws Exception {
            runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            body.run(job);
        }

        @Override
        public void onFailed(ClaimedJob job, String error) {
            failures.add(new Failure(job.id(), error));
        }

        int runs(long id) {
            AtomicInteger count = runs.get(id);
            return count == null ? 0 : count.get();
        }

        int totalRuns() {
            return runs.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }
}
