package io.followup.job;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait between attempts: exponential from {@code backoffInitial} by {@code backoffMultiplier}, never
 * above {@code backoffMax}, spread by a random jitter that starts at {@code backoffJitter} and grows with the
 * wait, and never shorter than a Retry-After floor.
 */
class RetryPolicyTests {

    private static final int SAMPLES = 400;

    @Test
    void delaysGrowByTheMultiplier() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), Duration.ZERO);

        assertThat(IntStream.rangeClosed(1, 6).mapToObj(attempt -> policy.delayAfter(attempt, null)))
                .containsExactly(seconds(10), seconds(20), seconds(40), seconds(80), seconds(160), seconds(320));
    }

    @Test
    void aFractionalMultiplierGrowsTheSameWay() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 1.5, Duration.ofHours(1), Duration.ZERO);

        assertThat(IntStream.rangeClosed(1, 4).mapToObj(attempt -> policy.delayAfter(attempt, null)))
                .containsExactly(Duration.ofMillis(10_000), Duration.ofMillis(15_000), Duration.ofMillis(22_500),
                        Duration.ofMillis(33_750));
    }

    @Test
    void delaysAreCappedAtTheMaximum() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), Duration.ZERO);

        assertThat(IntStream.rangeClosed(1, 6).mapToObj(attempt -> policy.delayAfter(attempt, null)))
                .containsExactly(seconds(10), seconds(20), seconds(40), seconds(60), seconds(60), seconds(60));
        assertThat(policy.delayAfter(200, null)).isEqualTo(seconds(60));
    }

    @Test
    void jitterNeverPushesAWaitPastTheMaximum() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), Duration.ofSeconds(2));

        for (int attempt = 1; attempt <= 12; attempt++) {
            for (Duration delay : samples(policy, attempt)) {
                assertThat(delay).as("attempt %d", attempt).isLessThanOrEqualTo(seconds(60)).isGreaterThanOrEqualTo(seconds(10));
            }
        }
    }

    @Test
    void theFirstRetryWaitsTheInitialDelayPlusAtMostTheJitter() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), Duration.ofSeconds(2));

        List<Duration> delays = samples(policy, 1);

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(seconds(10), seconds(12)));
        assertThat(new HashSet<>(delays)).as("jitter actually spreads the waits").hasSizeGreaterThan(SAMPLES / 4);
    }

    /**
     * The jitter grows with the wait, as Spring's ExponentialBackOff applies it (JobSettings documents
     * "the spread of the first wait, growing in proportion"): each wait stays within
     * {@code backoffJitter * base / backoffInitial} of its exponential base, and never above the maximum.
     */
    @Test
    void jitterSpreadsEveryWaitInProportionToIt() {
        Duration jitter = Duration.ofSeconds(2);
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), jitter);

        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration base = seconds(10L << (attempt - 1));
            Duration spread = jitter.multipliedBy(1L << (attempt - 1));
            for (Duration delay : samples(policy, attempt)) {
                assertThat(delay).as("attempt %d, base %s, spread %s", attempt, base, spread)
                        .isBetween(base.minus(spread), base.plus(spread))
                        .isLessThanOrEqualTo(Duration.ofHours(1));
            }
        }
    }

    @Test
    void jitterKeepsRetriesApartAtLaterAttemptsAndAtTheCap() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), Duration.ofSeconds(2));

        assertThat(new HashSet<>(samples(policy, 3))).hasSizeGreaterThan(1);
        assertThat(new HashSet<>(samples(policy, 10))).as("at the cap").hasSizeGreaterThan(1);
    }

    @Test
    void aRetryAfterFloorWinsWhenLarger() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), Duration.ofSeconds(2));

        assertThat(samples(policy, 1, Duration.ofMinutes(5))).containsOnly(Duration.ofMinutes(5));
        assertThat(policy(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), Duration.ZERO).delayAfter(9, Duration.ofMinutes(30)))
                .as("a floor above backoffMax still wins: the server said so")
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aSmallerFloorDoesNotShortenTheWait() {
        RetryPolicy policy = policy(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), Duration.ZERO);

        assertThat(policy.delayAfter(3, Duration.ofSeconds(1))).isEqualTo(seconds(40));
        assertThat(policy.delayAfter(3, Duration.ZERO)).isEqualTo(seconds(40));
    }

    private static RetryPolicy policy(Duration initial, double multiplier, Duration max, Duration jitter) {
        return new RetryPolicy(TestJobSettings.defaults().backoff(initial, multiplier, max, jitter).build());
    }

    private static List<Duration> samples(RetryPolicy policy, int attempt) {
        return samples(policy, attempt, null);
    }

    private static List<Duration> samples(RetryPolicy policy, int attempt, Duration floor) {
        return IntStream.range(0, SAMPLES).mapToObj(i -> policy.delayAfter(attempt, floor)).toList();
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
