package io.followup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.followup.support.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many pollers on one table: every job runs exactly once, and every poller takes part. */
class JobClusterIntegrationTests extends JobEngineFixture {

    @Test
    void fourPollersDrainTwentyThousandJobsEachExactlyOnce() throws Exception {
        int jobs = 20_000;
        Instant due = Instant.now().minusSeconds(1);
        jdbc.update("""
                INSERT INTO job (kind, payload, run_at, max_attempts, created_at)
                SELECT 'noop', jsonb_build_object('n', n), ?, 3, ? FROM generate_series(1, ?) AS n
                """, JobStore.ts(due), JobStore.ts(due), jobs);
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 8).with("batch-size", 200).with("lease", Duration.ofMinutes(5)).build();
        ConcurrentHashMap<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<AtomicInteger> perPoller = new ArrayList<>();
        List<EnginePoller> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AtomicInteger mine = new AtomicInteger();
            perPoller.add(mine);
            four.add(startPoller(settings, Clock.systemUTC(), new SimpleMeterRegistry(), new TestHandler("noop", runs, job -> mine.incrementAndGet())));
        }
        assertThat(four).extracting(EnginePoller::owner).doesNotHaveDuplicates();

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
        four.forEach(EnginePoller::stop);
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
}
