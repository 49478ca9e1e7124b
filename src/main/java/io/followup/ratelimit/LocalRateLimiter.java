package io.followup.ratelimit;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.followup.security.Integrator;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets (Bucket4j) in this instance's memory, one per integrator. A bucket unused for a
 * whole period is full again, so it is dropped then and made afresh on the next request.
 */
final class LocalRateLimiter implements RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimitSettings settings;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    LocalRateLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(settings.longestPeriod())
                .ticker(time::currentTimeNanos)
                .build();
    }

    @Override
    public RateLimit tryAcquire(Integrator integrator) {
        RateLimitSettings.Allowance allowance = settings.allowanceOf(integrator.clientId());
        Bucket bucket = buckets.get(integrator.key(), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance.requests())
                        .refillGreedy(allowance.requests(), allowance.period()).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new RateLimit(probe.isConsumed(), allowance.requests(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())),
                Math.max(1, seconds(allowance.period().toNanos())));
    }

    private static long seconds(long nanos) {
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    /** Bucket4j's time from the injected clock, so tests move it instead of sleeping. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
