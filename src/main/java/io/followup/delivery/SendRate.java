package io.followup.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.followup.ratelimit.BucketClock;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The send rate of each sender number, one token bucket per number in PostgreSQL (Bucket4j's proxy manager,
 * table {@code send_rate_bucket}), so every instance draws on the same budget: two instances together send
 * no more than the number's rate. A send finding its number's budget spent is not attempted: it fails as busy
 * with the wait Bucket4j computes, and the step is put back without using an attempt.
 *
 * <p>Bucket4j's select-for-update strategy rather than its advisory-lock one: it locks the bucket's row by its
 * text key, so keys stay readable ({@code meta:<phone_number_id>}) instead of being hashed to a lock number.
 * The cost is one short transaction per template send (SELECT ... FOR UPDATE, UPDATE, COMMIT) on a pooled
 * connection, outside the job's own transaction.
 */
@Component
final class SendRate {

    private static final Logger log = LoggerFactory.getLogger(SendRate.class);
    /**
     * Added at random to the wait Bucket4j computes: a burst of steps finding the budget spent would otherwise all come
     * back in the same instant (12.5 ms later at 80/s), where again one gets through and the rest are claimed and put
     * back for nothing. Spread over a second, each step comes back about once a second; a follow-up a second late is
     * still on time.
     */
    static final Duration SPREAD = Duration.ofSeconds(1);
    /** How long a step waits when the budget could not be read (the database did not answer). */
    static final Duration UNKNOWN_WAIT = Duration.ofSeconds(1);

    /** A sender number of a provider; the provider prefix keeps a Meta ID and a Gupshup number apart. */
    record Sender(String provider, String number) {

        String key() {
            return provider + ":" + number;
        }
    }

    private final SendRateSettings settings;
    private final ProxyManager<String> buckets;
    /**
     * Bucket4j replaces a stored bucket's limits when a command carries a higher version: the instance started
     * last brings its settings, so a changed rate applies after a deploy and an older instance never undoes it.
     */
    private final long configurationVersion;
    private final Counter limited;

    SendRate(SendRateSettings settings, DataSource dataSource, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.buckets = settings.enabled() ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("send_rate_bucket")
                .clientClock(new BucketClock(clock))
                .build() : null;
        // instant(), not millis(): on Java 17, millis() of a clock ticking in microseconds divides by zero.
        this.configurationVersion = clock.instant().toEpochMilli();
        this.limited = Counter.builder("followup.delivery.send_rate_limited")
                .description("Template sends put back because their sender number had spent its budget for the moment")
                .register(meters);
        if (settings.enabled()) {
            log.info("Send rate per sender number: {} per second by default, {} number(s) with their own rate",
                    settings.defaultPerSecond(), settings.numbers().size());
        }
    }

    /**
     * Takes one send from the number's budget.
     *
     * @throws DeliveryException busy, with the wait until the budget has a send again, when it is spent
     */
    void acquire(Sender sender) {
        if (!settings.enabled()) {
            return;
        }
        int perSecond = settings.perSecond(sender.number());
        ConsumptionProbe probe;
        try {
            probe = buckets.builder()
                    .withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.PROPORTIONALLY)
                    .build(sender.key(), () -> configuration(perSecond))
                    .tryConsumeAndReturnRemaining(1);
        }
        catch (RuntimeException ex) {
            // Sending blind could exceed the provider's limit for every instance at once; waiting loses nothing.
            log.warn("Send rate of {} could not be read; the step waits {}: {}", sender.key(), UNKNOWN_WAIT, ex.toString());
            throw DeliveryException.notNow(sender.provider() + " send rate of " + sender.number() + " could not be read",
                    UNKNOWN_WAIT);
        }
        if (!probe.isConsumed()) {
            limited.increment();
            Duration wait = Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1_000_000L)
                    + ThreadLocalRandom.current().nextLong(SPREAD.toNanos()));
            throw DeliveryException.notNow(sender.provider() + " number " + sender.number() + " has sent its " + perSecond
                    + " per second; trying again in " + wait.toMillis() + " ms", wait);
        }
    }

    /** Up to {@code perSecond} at once, then {@code perSecond} a second, refilled evenly. */
    private static BucketConfiguration configuration(int perSecond) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
