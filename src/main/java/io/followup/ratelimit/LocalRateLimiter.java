package io.followup.ratelimit;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.followup.security.Integrator;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets (Bucket4j) in this instance's memory, one per integrator and budget. A bucket unused for a whole
 * period is full again, so it is dropped then and made afresh on the next request. Each instance counts alone:
 * {@code followup.api.rate-limit.store=local} is for a single instance, or to measure what the shared store costs.
 */
final class LocalRateLimiter implements RateLimiter {

    private final RateLimitSettings settings;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    LocalRateLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.time = new BucketClock(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(settings.longestPeriod())
                .ticker(time::currentTimeNanos)
                .build();
    }

    @Override
    public RateLimit tryAcquire(Integrator integrator, Budget budget) {
        return acquire(budget.key(integrator), settings.allowanceOf(integrator.clientId(), budget));
    }

    @Override
    public RateLimit tryAcquire(String key, long requests, Duration period) {
        return acquire(key, new RateLimitSettings.Allowance(requests, period));
    }

    private RateLimit acquire(String name, RateLimitSettings.Allowance allowance) {
        Bucket bucket = buckets.get(name, key -> Bucket.builder()
                .addLimit(allowance.configuration().getBandwidths()[0])
                .withCustomTimePrecision(time)
                .build());
        return RateLimit.of(bucket.tryConsumeAndReturnRemaining(1), allowance);
    }
}
