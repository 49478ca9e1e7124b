package io.followup.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.followup.support.Eventually;
import io.followup.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases: a hung or dead instance's jobs go to a live one once the lease runs out, and its late outcome is ignored. */
class JobLeaseIntegrationTests extends JobEngineFixture {

    @Test
    void aPollerThatHangsLosesItsJobsToAnotherWhenTheLeaseExpiresAndItsLateOutcomeIsIgnored() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 10).with("lease", Duration.ofSeconds(30)).build();
        JobQueue queue = queue(settings, clock);
        List<Long> ids = enqueueDue(queue, "work", 10, T0);

        CountDownLatch entered = new CountDownLatch(10);
        CountDownLatch wakeUp = gate();
        ConcurrentHashMap<Long, AtomicInteger> hungRuns = new ConcurrentHashMap<>();
        SimpleMeterRegistry hungMetrics = new SimpleMeterRegistry();
        EnginePoller hung = startPoller(settings, clock, hungMetrics, new TestHandler("work", hungRuns, job -> {
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
        EnginePoller live = startPoller(settings, clock, liveMetrics, work);
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
        JobSettings settings = TestJobSettings.defaults().with("lease", Duration.ofSeconds(30)).build();
        List<Long> ids = enqueueDue(queue(settings, clock), "work", 40, T0);
        JobStore store = new JobStore(jdbc);
        String dead = "crashed-host/" + java.util.UUID.randomUUID();

        List<ClaimedJob> claimed = store.claim(dead, T0, T0.plusSeconds(30), 100);
        assertThat(claimed).extracting(ClaimedJob::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claimed).allSatisfy(job -> assertThat(job.attempt()).isEqualTo(1));

        TestHandler work = new TestHandler("work");
        EnginePoller live = startPoller(settings, clock, new SimpleMeterRegistry(), work);
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
}
