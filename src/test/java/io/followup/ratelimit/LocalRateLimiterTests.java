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

        RateLimit first = limiter.tryAcquire(acme);
        limiter.tryAcquire(acme);
        RateLimit third = limiter.tryAcquire(acme);
        RateLimit fourth = limiter.tryAcquire(acme);

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
            limiter.tryAcquire(acme);
        }

        clock.advance(Duration.ofSeconds(10));
        RateLimit afterTen = limiter.tryAcquire(acme);
        RateLimit again = limiter.tryAcquire(acme);
        clock.advance(Duration.ofMinutes(5));
        RateLimit afterAWhile = limiter.tryAcquire(acme);

        assertThat(afterTen.allowed()).isTrue();
        assertThat(again.allowed()).isFalse();
        assertThat(afterAWhile).isEqualTo(new RateLimit(true, 3, 2, 10, 0, 30));
    }

    @Test
    void eachIntegratorHasItsOwnBucket() {
        RateLimiter limiter = limiter(1, Duration.ofMinutes(1), Map.of());

        assertThat(limiter.tryAcquire(acme).allowed()).isTrue();
        assertThat(limiter.tryAcquire(acme).allowed()).isFalse();
        assertThat(limiter.tryAcquire(new Integrator("acme", "client-b")).allowed()).as("another client of the company").isTrue();
        assertThat(limiter.tryAcquire(new Integrator("globex", "client-a")).allowed()).as("the same client ID in another company").isTrue();
        assertThat(limiter.tryAcquire(new Integrator("1:a", "b")).allowed()).isTrue();
        assertThat(limiter.tryAcquire(new Integrator("1", "a:b")).allowed()).as("keys cannot collide").isTrue();
    }

    @Test
    void aClientOfItsOwnGetsItsOwnAllowance() {
        RateLimiter limiter = limiter(100, Duration.ofSeconds(1),
                Map.of("small", new RateLimitSettings.Allowance(2, Duration.ofHours(1))));
        Integrator small = new Integrator("acme", "small");

        limiter.tryAcquire(small);
        RateLimit second = limiter.tryAcquire(small);
        RateLimit third = limiter.tryAcquire(small);

        assertThat(second).isEqualTo(new RateLimit(true, 2, 0, 3600, 0, 3600));
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(1800);
        assertThat(limiter.tryAcquire(acme).limit()).isEqualTo(100);
    }

    @Test
    void theDefaultsLetAThousandRequestsASecondThrough() {
        RateLimitSettings defaults = new RateLimitSettings(true, 5000, Duration.ofSeconds(1), Map.of(), 100_000);
        RateLimiter limiter = new LocalRateLimiter(defaults, clock);

        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 1_000; i++) {
                assertThat(limiter.tryAcquire(acme).allowed()).isTrue();
            }
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        assertThatThrownBy(() -> new RateLimitSettings(true, 1, Duration.ZERO, Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitSettings(true, 1, Duration.ofSeconds(1),
                Map.of("c", new RateLimitSettings.Allowance(1, Duration.ofSeconds(-1))), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RateLimiter limiter(long requests, Duration period, Map<String, RateLimitSettings.Allowance> clients) {
        return new LocalRateLimiter(new RateLimitSettings(true, requests, period, clients, 1_000), clock);
    }
}
