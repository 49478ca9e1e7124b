package io.followup.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** What the engine does, for /actuator/prometheus: followup_jobs_* series. */
@Component
class JobMetrics {

    private final MeterRegistry registry;
    private final Counter claimed;
    private final Timer lateness;
    private final AtomicLong queueDepth = new AtomicLong();

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.claimed = Counter.builder("followup.jobs.claimed").description("Jobs claimed by this instance").register(registry);
        this.lateness = Timer.builder("followup.jobs.lateness").description("Job start minus its due time")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        Gauge.builder("followup.jobs.queue.depth", queueDepth, AtomicLong::get)
                .description("Pending jobs already due, as of the last lease check").register(registry);
    }

    void claimed(int count) {
        claimed.increment(count);
    }

    void started(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    void succeeded(String kind) {
        outcome("followup.jobs.succeeded", kind);
    }

    void retried(String kind) {
        outcome("followup.jobs.retried", kind);
    }

    void deferred(String kind) {
        outcome("followup.jobs.deferred", kind);
    }

    void failed(String kind) {
        outcome("followup.jobs.failed", kind);
    }

    void queueDepth(long depth) {
        queueDepth.set(depth);
    }

    private void outcome(String name, String kind) {
        registry.counter(name, "kind", kind).increment();
    }
}
