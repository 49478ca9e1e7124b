package io.followup.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.followup.security.Integrator;
import io.followup.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRateLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Integrator acme = new Integrator("acme", "client-a");

    @Test
    void allowsTheAllowanceThenRefusesWithTheWaitForTheNextRequest() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(30), Map.of());

        RateLimit first = limiter.tryAcquire(acme, Budget.READS);
        limiter.tryAcquire(acme, Budget.READS);
        RateLimit third = limiter.tryAcquire(acme, Budget.READS);
        RateLimit fourth = limiter.tryAcquire(acme, Budget.READS);

        assertThat(first).isEqualTo(new RateLimit(true, 3, 2, 10, 0, 30));
        assertThat(third).isEqualTo(new RateLimit(true, 3, 0, 30, 0, 30));
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.remaining()).isZero();
        assertThat(fourth.retryAfterSeconds()).isEqualTo(10);
        assertThat(fourth.resetSeconds()).isEqualTo(30);
    }

    @Test
    void refillsEvenlyOverThePeriod() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(30), Map.of());
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(acme, Budget.READS);
        }

        clock.advance(Duration.ofSeconds(10));
        RateLimit afterTen = limiter.tryAcquire(acme, Budget.READS);
        RateLimit again = limiter.tryAcquire(acme, Budget.READS);
        clock.advance(Duration.ofMinutes(5));
        RateLimit afterAWhile = limiter.tryAcquire(acme, Budget.READS);

        assertThat(afterTen.allowed()).isTrue();
        assertThat(again.allowed()).isFalse();
        assertThat(afterAWhile).isEqualTo(new RateLimit(true, 3, 2, 10, 0, 30));
    }

    @Test
    void eachIntegratorHasItsOwnBucket() {
        RateLimiter limiter = limiter(1, Duration.ofMinutes(1), Map.of());

        assertThat(limiter.tryAcquire(acme, Budget.READS).allowed()).isTrue();
        assertThat(limiter.tryAcquire(acme, Budget.READS).allowed()).isFalse();
        assertThat(limiter.tryAcquire(new Integrator("acme", "client-b"), Budget.READS).allowed()).as("another client of the company").isTrue();
        assertThat(limiter.tryAcquire(new Integrator("globex", "client-a"), Budget.READS).allowed()).as("the same client ID in another company").isTrue();
        assertThat(limiter.tryAcquire(new Integrator("1:a", "b"), Budget.READS).allowed()).isTrue();
        assertThat(limiter.tryAcquire(new Integrator("1", "a:b"), Budget.READS).allowed()).as("keys cannot collide").isTrue();
    }

    @Test
    void aClientOfItsOwnGetsItsOwnAllowance() {
        RateLimiter limiter = limiter(100, Duration.ofSeconds(1),
                Map.of("small", new RateLimitSettings.Client(2L, 2L, Duration.ofHours(1))));
        Integrator small = new Integrator("acme", "small");

        limiter.tryAcquire(small, Budget.READS);
        RateLimit second = limiter.tryAcquire(small, Budget.READS);
        RateLimit third = limiter.tryAcquire(small, Budget.READS);

        assertThat(second).isEqualTo(new RateLimit(true, 2, 0, 3600, 0, 3600));
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(1800);
        assertThat(limiter.tryAcquire(acme, Budget.READS).limit()).isEqualTo(100);
    }

    @Test
    void readsAndWritesAreTwoBudgets() {
        RateLimiter limiter = new LocalRateLimiter(settings(2, 1, Duration.ofHours(1), Map.of()), clock);

        RateLimit write = limiter.tryAcquire(acme, Budget.WRITES);
        RateLimit secondWrite = limiter.tryAcquire(acme, Budget.WRITES);
        RateLimit read = limiter.tryAcquire(acme, Budget.READS);

        assertThat(write).isEqualTo(new RateLimit(true, 1, 0, 3600, 0, 3600));
        assertThat(secondWrite.allowed()).isFalse();
        assertThat(secondWrite.retryAfterSeconds()).isEqualTo(3600);
        assertThat(read).as("writes spent, reads untouched").isEqualTo(new RateLimit(true, 2, 1, 1800, 0, 3600));
    }

    @Test
    void getBillsBudgetsAreTheDefaults() {
        RateLimitSettings defaults = new RateLimitSettings(true, RateLimitSettings.Store.POSTGRESQL, 1000, 500,
                Duration.ofHours(1), Map.of(), Duration.ofMinutes(10), 100_000);

        assertThat(defaults.allowanceOf("any", Budget.READS)).isEqualTo(new RateLimitSettings.Allowance(1000, Duration.ofHours(1)));
        assertThat(defaults.allowanceOf("any", Budget.WRITES)).isEqualTo(new RateLimitSettings.Allowance(500, Duration.ofHours(1)));
    }

    @Test
    void aClientEntryOverridesOnlyWhatItNames() {
        RateLimitSettings settings = settings(1000, 500, Duration.ofHours(1),
                Map.of("bigger-writes", new RateLimitSettings.Client(null, 5000L, null)));

        assertThat(settings.allowanceOf("bigger-writes", Budget.WRITES)).isEqualTo(new RateLimitSettings.Allowance(5000, Duration.ofHours(1)));
        assertThat(settings.allowanceOf("bigger-writes", Budget.READS)).isEqualTo(new RateLimitSettings.Allowance(1000, Duration.ofHours(1)));
    }

    @Test
    void methodsMapToGetBillsBudgets() {
        assertThat(Budget.of("GET")).isEqualTo(Budget.READS);
        assertThat(Budget.of("HEAD")).isEqualTo(Budget.READS);
        assertThat(Budget.of("OPTIONS")).isEqualTo(Budget.READS);
        for (String write : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(Budget.of(write)).as(write).isEqualTo(Budget.WRITES);
        }
    }

    @Test
    void bucketKeysStayWithinTheirColumn() {
        Integrator longest = new Integrator("c".repeat(5000), "x".repeat(5000));
        Integrator justShort = new Integrator("c", "x".repeat(Integrator.MAX_KEY_LENGTH - "1:c:".length()));

        assertThat(Budget.WRITES.key(longest).length()).isLessThanOrEqualTo(Budget.MAX_KEY_LENGTH);
        assertThat(Budget.WRITES.key(justShort)).hasSize(Budget.MAX_KEY_LENGTH);
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        assertThatThrownBy(() -> settings(1, 1, Duration.ZERO, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(1, 1, Duration.ofSeconds(1),
                Map.of("c", new RateLimitSettings.Client(1L, 1L, Duration.ofSeconds(-1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RateLimiter limiter(long requests, Duration period, Map<String, RateLimitSettings.Client> clients) {
        return new LocalRateLimiter(settings(requests, requests, period, clients), clock);
    }

    static RateLimitSettings settings(long reads, long writes, Duration period, Map<String, RateLimitSettings.Client> clients) {
        return new RateLimitSettings(true, RateLimitSettings.Store.LOCAL, reads, writes, period, clients, Duration.ofMinutes(10), 1_000);
    }
}
