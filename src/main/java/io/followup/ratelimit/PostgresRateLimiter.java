package io.followup.ratelimit;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.followup.security.Integrator;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * The budgets in PostgreSQL (Bucket4j's proxy manager, table {@value #TABLE}, V13), one row per client and budget, so
 * every instance draws on the same budget: N instances together allow the limit, not N times it. As
 * {@code io.followup.delivery.SendRate} does: the select-for-update strategy, which locks the bucket's row by its text
 * key; one short transaction per external request (SELECT ... FOR UPDATE, UPDATE, COMMIT) on a pooled connection,
 * before and outside the request's own.
 *
 * <p>One proxy per bucket is kept in memory with Bucket4j's batching optimization: requests of one client that arrive
 * on this instance while its row is busy go to PostgreSQL together, in one transaction, each with its own answer, so
 * a client's burst does not queue one transaction per request on its row lock. The count stays exact: the proxy holds
 * no tokens of its own.
 *
 * <p>Each write also stores when the bucket will be full again ({@code expires_at}); from then on the row says nothing
 * a fresh bucket would not, and {@link #removeExpired} deletes it, so idle clients' rows do not pile up.
 */
final class PostgresRateLimiter implements RateLimiter {

    static final String TABLE = "api_rate_limit_bucket";

    private final RateLimitSettings settings;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    /**
     * Bucket4j replaces a stored bucket's limits when a command carries a higher version: the instance started last
     * brings its settings, so a changed budget applies after a deploy and an older instance never undoes it.
     */
    private final long configurationVersion;
    private final Cache<String, BucketProxy> proxies;

    PostgresRateLimiter(RateLimitSettings settings, DataSource dataSource, Clock clock) {
        this.settings = settings;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .clientClock(new BucketClock(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        // instant(), not millis(): on Java 17, millis() of a clock ticking in microseconds divides by zero.
        this.configurationVersion = clock.instant().toEpochMilli();
        this.proxies = Caffeine.newBuilder().maximumSize(settings.maxClients()).expireAfterAccess(Duration.ofMinutes(10)).build();
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
        BucketProxy bucket = proxies.get(name, key -> buckets.builder()
                .withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.PROPORTIONALLY)
                .withOptimization(Optimizations.batching())
                .build(key, allowance::configuration));
        return RateLimit.of(bucket.tryConsumeAndReturnRemaining(1), allowance);
    }

    /** Deletes up to {@code batch} buckets that are full again (their clients idle); returns how many. */
    int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }
}
