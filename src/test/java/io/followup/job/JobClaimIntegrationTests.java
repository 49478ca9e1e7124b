package io.followup.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.followup.support.Eventually;
import io.followup.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What gets claimed, and how much at once: due jobs only, never a cancelled or duplicate one, in batches sized to the workers. */
class JobClaimIntegrationTests extends JobEngineFixture {

    private static final JobSettings DEFAULTS = TestJobSettings.defaults().build();

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void jobsThatAreNotYetDueAreNotClaimed() {
        JobQueue queue = queue(DEFAULTS, clock);
        TestHandler work = new TestHandler("work");
        EnginePoller poller = startPoller(DEFAULTS, clock, new SimpleMeterRegistry(), work);
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
        JobQueue queue = queue(DEFAULTS, clock);
        TestHandler work = new TestHandler("work");
        long cancelled = queue.enqueue("work", Map.of(), T0, null).orElseThrow();
        long kept = queue.enqueue("work", Map.of(), T0, null).orElseThrow();

        assertThat(queue.cancel(cancelled)).isTrue();
        EnginePoller poller = startPoller(DEFAULTS, clock, new SimpleMeterRegistry(), work);
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
        JobQueue queue = queue(DEFAULTS, clock);

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
    void onePollClaimsFullBatchesAgainAtOnceAndQueuesOneJobPerWorkerButNeverMoreThanABatch() throws Exception {
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 50).with("batch-size", 20).build();
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
        EnginePoller poller = startPoller(settings, clock, metrics, work);

        poller.poll();

        // 50 run, 20 more wait in the local queue (one per worker, but at most one batch: claimed jobs nobody runs
        // yet would wait out their lease if the instance died), the rest stay in the table.
        assertThat(countWhere("status = 'running'")).isEqualTo(70);
        assertThat(countWhere("status = 'pending'")).isEqualTo(50);
        assertThat(metrics.get("followup.jobs.claimed").counter().count()).isEqualTo(70.0);
        poller.poll();
        assertThat(countWhere("status = 'running'")).as("no free slot: nothing more claimed").isEqualTo(70);

        go.countDown();
        Eventually.until("all jobs ran", () -> countWhere("status = 'succeeded'") == 120, poller::poll);
        assertThat(peak.get()).isLessThanOrEqualTo(50);
        assertThat(work.runs).containsOnlyKeys(ids);
    }

    @Test
    void fastJobsAreClaimedInFullBatchesOnceTheirRunTimeIsKnown() {
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 4).with("batch-size", 200).build();
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
        EnginePoller poller = startPoller(recording, settings, clock, new SimpleMeterRegistry(), new TestHandler("work", job -> { }));

        Eventually.until("all jobs ran", () -> countWhere("status = 'succeeded'") == 2_000, poller::poll);

        assertThat(claimSizes.get(0)).as("nothing known yet: one queued job per worker").isEqualTo(8);
        // One job queued per worker would take at least 2,000 / 8 = 250 claims; queueing a batch, refilled
        // when half of it is taken, takes about 2,000 / 100.
        assertThat(Collections.max(claimSizes)).as("no-op jobs: up to a batch queued ahead").isGreaterThanOrEqualTo(100);
        assertThat(claimSizes).as("few, large claims").hasSizeLessThan(40);
        assertThat(claimSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
    }

    /** A poll goes on while there is work, waiting for workers to free up, instead of sleeping a poll interval. */
    @Test
    void onePollKeepsDrainingAsWorkersFreeUpNotOneBatchPerInterval() {
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 4).with("batch-size", 200).build();
        enqueueDue(queue(settings, clock), "work", 100, T0);
        TestHandler work = new TestHandler("work", job -> { });
        EnginePoller poller = startPoller(settings, clock, new SimpleMeterRegistry(), work);

        poller.poll();

        assertThat(countWhere("status = 'pending'")).as("one poll call claimed every due job, 4 at a time").isZero();
        Eventually.until("all jobs ran", () -> countWhere("status = 'succeeded'") == 100, () -> { });
        assertThat(work.runs).hasSize(100);
    }
}
