package io.followup.job;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The job engine's knobs ({@code followup.jobs.*}).
 *
 * @param enabled whether this instance polls for jobs at all (an API-only instance can turn it off)
 * @param pollInterval wait between polls when the last one found less than a full batch
 * @param batchSize most jobs claimed in one statement
 * @param concurrency most jobs this instance runs at once. Step jobs mostly wait for a provider, so this is sized
 *        for sends in flight, not for cores: at 2 s per send, 250 sends/s keep 500 jobs waiting. Each is a virtual
 *        thread on Java 21+ (kilobytes while it waits), a platform thread on Java 17; the per-provider cap
 *        ({@code followup.delivery.max-concurrent-per-provider}, below this) keeps one hung provider from holding them all
 * @param lease how long a claimed job stays this instance's; after that another instance may run it
 * @param leaseCheckInterval how often expired leases are handed back and the queue depth is measured
 * @param maxAttempts attempts before a job fails for good (a job may set its own)
 * @param backoffInitial wait before the first retry
 * @param backoffMultiplier growth of the wait per retry
 * @param backoffMax longest wait between retries
 * @param backoffJitter random spread (plus or minus) of the first wait, growing in proportion to later waits,
 *        so failed jobs do not retry in lockstep
 * @param retention how long finished jobs are kept before they are deleted
 * @param retentionInterval how often finished jobs past retention are deleted
 * @param shutdownTimeout how long shutdown waits for running jobs before handing them back
 * @param listenNotify whether enqueueing a job due before the next poll wakes the instances' pollers at once
 *        through PostgreSQL LISTEN/NOTIFY (off behind a transaction-pooling PgBouncer, where LISTEN fails;
 *        the poll interval then bounds how late a job starts)
 */
@Validated
@ConfigurationProperties("followup.jobs")
record JobSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(10_000) @DefaultValue("200") int batchSize,
        @Min(1) @Max(10_000) @DefaultValue("1024") int concurrency,
        @NotNull @DefaultValue("60s") Duration lease,
        @NotNull @DefaultValue("10s") Duration leaseCheckInterval,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("10s") Duration backoffInitial,
        @DecimalMin("1.0") @DefaultValue("2.0") double backoffMultiplier,
        @NotNull @DefaultValue("1h") Duration backoffMax,
        @NotNull @DefaultValue("2s") Duration backoffJitter,
        @NotNull @DefaultValue("7d") Duration retention,
        @NotNull @DefaultValue("1h") Duration retentionInterval,
        @NotNull @DefaultValue("15s") Duration shutdownTimeout,
        @DefaultValue("true") boolean listenNotify) {
}
