package io.followup.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.followup.support.Eventually;
import io.followup.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Shutdown: claiming stops, and what is not finished in time is handed back, never left to its lease or overwritten later. */
class JobShutdownIntegrationTests extends JobEngineFixture {

    /**
     * A handler blocked in an interruptible wait, as one blocked on I/O would be. Shutdown interrupts it and
     * hands its job back; the two race, so the store here lets release wait (at most 2 s) for the interrupted
     * handlers' threads to end first: the interleaving that otherwise shows up in about a third of runs.
     */
    @Test
    void shutdownHandsBackTheJobsOfHandlersThatDoNotFinishInTime() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 4).with("max-attempts", 3)
                .with("shutdown-timeout", Duration.ofMillis(200)).build();
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
        EnginePoller first = startPoller(new ReleaseAfterWorkersEnd(jdbc, workers, Duration.ofSeconds(2)), settings, clock,
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
        EnginePoller second = startPoller(settings, clock, new SimpleMeterRegistry(), quick);
        Eventually.until("another poller ran them", () -> countWhere("status = 'succeeded'") == 6, second::poll);
        assertThat(rows(ids)).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(1));
        assertThat(quick.runs).containsOnlyKeys(ids);
    }

    @Test
    void aClaimInFlightAtShutdownIsHandedBackNotLeftToItsLease() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 4).build();
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
        EnginePoller poller = startPoller(slowClaims, settings, clock, new SimpleMeterRegistry(), work);
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

    /** A handler that ignores the interrupt and finishes after its job was handed back. */
    @Test
    void aHandlerThatFinishesAfterShutdownHandedItsJobBackCannotOverwriteTheNewRun() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 3).with("shutdown-timeout", Duration.ofMillis(200)).build();
        List<Long> ids = enqueueDue(queue(settings, clock), "stubborn", 3, T0);
        CountDownLatch entered = new CountDownLatch(3);
        CountDownLatch wakeUp = gate();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        SimpleMeterRegistry firstMetrics = new SimpleMeterRegistry();
        EnginePoller first = startPoller(settings, clock, firstMetrics, new TestHandler("stubborn", job -> {
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
        EnginePoller second = startPoller(settings, clock, new SimpleMeterRegistry(), quick);
        Eventually.until("another poller ran them", () -> countWhere("status = 'succeeded'") == 3, second::poll);
        List<JobRow> finished = rows(ids);

        wakeUp.countDown();
        joinAll(workers);
        assertThat(rows(ids)).isEqualTo(finished);
        assertThat(firstMetrics.find("followup.jobs.succeeded").counter()).isNull();
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
}
