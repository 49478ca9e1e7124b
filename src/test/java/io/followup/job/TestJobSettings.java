package io.followup.job;

import java.time.Duration;

/** {@link JobSettings} with the production defaults, changed one knob at a time. */
final class TestJobSettings {

    private boolean enabled = true;
    private Duration pollInterval = Duration.ofSeconds(1);
    private int batchSize = 200;
    private int concurrency = 16;
    private Duration lease = Duration.ofSeconds(60);
    private Duration leaseCheckInterval = Duration.ofSeconds(10);
    private int maxAttempts = 8;
    private Duration backoffInitial = Duration.ofSeconds(10);
    private double backoffMultiplier = 2.0;
    private Duration backoffMax = Duration.ofHours(1);
    private Duration backoffJitter = Duration.ofSeconds(2);
    private Duration retention = Duration.ofDays(7);
    private Duration retentionInterval = Duration.ofHours(1);
    private Duration shutdownTimeout = Duration.ofSeconds(15);
    private boolean listenNotify = true;

    static TestJobSettings defaults() {
        return new TestJobSettings();
    }

    TestJobSettings batchSize(int value) {
        batchSize = value;
        return this;
    }

    TestJobSettings concurrency(int value) {
        concurrency = value;
        return this;
    }

    TestJobSettings lease(Duration value) {
        lease = value;
        return this;
    }

    TestJobSettings maxAttempts(int value) {
        maxAttempts = value;
        return this;
    }

    TestJobSettings backoff(Duration initial, double multiplier, Duration max, Duration jitter) {
        backoffInitial = initial;
        backoffMultiplier = multiplier;
        backoffMax = max;
        backoffJitter = jitter;
        return this;
    }

    TestJobSettings retention(Duration value) {
        retention = value;
        return this;
    }

    TestJobSettings shutdownTimeout(Duration value) {
        shutdownTimeout = value;
        return this;
    }

    TestJobSettings pollInterval(Duration value) {
        pollInterval = value;
        return this;
    }

    TestJobSettings listenNotify(boolean value) {
        listenNotify = value;
        return this;
    }

    JobSettings build() {
        return new JobSettings(enabled, pollInterval, batchSize, concurrency, lease, leaseCheckInterval, maxAttempts,
                backoffInitial, backoffMultiplier, backoffMax, backoffJitter, retention, retentionInterval, shutdownTimeout, listenNotify);
    }
}
