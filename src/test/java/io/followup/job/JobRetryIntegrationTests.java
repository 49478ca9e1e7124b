package io.followup.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.followup.support.Eventually;
import io.followup.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcomes: retries with backoff, deferrals, failures for good, and successes recorded even after the database refused them. */
class JobRetryIntegrationTests extends JobEngineFixture {

    @Test
    void aFailingJobIsRetriedWithGrowingBackoffThenFailsForGoodWithItsError() {
        MutableClock clock = new MutableClock(T0);
        Duration initial = Duration.ofSeconds(10);
        Duration jitter = Duration.ofMillis(500);
        JobSettings settings = TestJobSettings.defaults().with("max-attempts", 3)
                .backoff(initial, 2.0, Duration.ofHours(1), jitter).build();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler flaky = new TestHandler("flaky", job -> {
            throw new IllegalStateException("boom " + job.attempt());
        });
        EnginePoller poller = startPoller(settings, clock, metrics, flaky);
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
        JobSettings settings = TestJobSettings.defaults().with("max-attempts", 1).build();
        long id = enqueueDue(queue(settings, clock), "busy", 1, T0).get(0);
        AtomicInteger busyAnswers = new AtomicInteger(2);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler handler = new TestHandler("busy", job -> {
            if (busyAnswers.getAndDecrement() > 0) {
                throw JobFailure.defer("provider busy", Duration.ofSeconds(5));
            }
        });
        EnginePoller poller = startPoller(settings, clock, metrics, handler);

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
        JobSettings settings = TestJobSettings.defaults().with("max-attempts", 5).build();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TestHandler rejected = new TestHandler("rejected", job -> {
            throw JobFailure.permanent("400 Bad Request: unknown template");
        });
        EnginePoller poller = startPoller(settings, clock, metrics, rejected);
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
        EnginePoller poller = startPoller(settings, clock, new SimpleMeterRegistry(), throttled);
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
        EnginePoller poller = startPoller(settings, clock, metrics, new TestHandler("noop"));
        long id = queue(settings, clock).enqueue("no-such-kind", Map.of(), T0, null).orElseThrow();

        Eventually.until("the job failed", () -> "failed".equals(row(id).status()), poller::poll);

        JobRow row = row(id);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("No handler for job kind").contains("no-such-kind");
        // The outcome is written before it is counted: wait for the count rather than race it.
        Eventually.until("the failure was counted", () -> count(metrics, "followup.jobs.failed", "no-such-kind") == 1);
        assertThat(count(metrics, "followup.jobs.failed", "no-such-kind")).isEqualTo(1);
    }

    @Test
    void successesThatCannotBeRecordedAreKeptAndRecordedOnceTheDatabaseAnswersAgain() {
        MutableClock clock = new MutableClock(T0);
        JobSettings settings = TestJobSettings.defaults().with("concurrency", 4).build();
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
        EnginePoller poller = startPoller(flaky, settings, clock, metrics, work);

        poller.poll();

        Eventually.until("every success recorded after the refusals", () -> countWhere("status = 'succeeded'") == 20, () -> { });
        assertThat(refusals.get()).as("the database refused three times").isNegative();
        assertThat(work.runs.values()).as("each job ran once").allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
        assertThat(count(metrics, "followup.jobs.succeeded", "work")).isEqualTo(20);
    }
}
