package io.followup.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.followup.support.Eventually;
import io.followup.support.MutableClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention deletes only old finished jobs; the metrics count and measure what the engine does. */
class JobRetentionIntegrationTests extends JobEngineFixture {

    @Test
    void retentionDeletesFinishedJobsOlderThanTheRetentionPeriodOnly() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().with("retention", Duration.ofDays(7)).build();
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
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 8).build();
        JobQueue queue = queue(settings, clock);
        int jobs = 500;
        enqueueDue(queue, "noop", jobs, T0.minusSeconds(60));
        queue.enqueue("noop", Map.of(), T0.plusSeconds(3600), null).orElseThrow();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        EnginePoller poller = startPoller(settings, clock, metrics, new TestHandler("noop"));

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
}
