package io.followup.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.followup.support.MutableClock;
import io.followup.support.ScratchDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The send rate per sender number on real PostgreSQL (Bucket4j's table from V10): two limiters with pools of their
 * own, as two instances have, share one budget per number. The clock stands still unless a test moves it, so a
 * budget refills only when the test says so.
 */
class SendRateIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(SendRateIntegrationTests.class);

    private static ScratchDatabase db;
    private static HikariDataSource instanceA;
    private static HikariDataSource instanceB;

    private final MutableClock clock = new MutableClock(DeliveryStubs.NOW);

    @BeforeAll
    static void database() {
        db = ScratchDatabase.create("send_rate", 2);
        instanceA = db.newPool("instance-a", 2);
        instanceB = db.newPool("instance-b", 2);
    }

    @AfterAll
    static void dropDatabase() {
        instanceA.close();
        instanceB.close();
        db.close();
    }

    @Test
    void twoInstancesTogetherSendTheNumbersRateNotTwiceIt() {
        SendRateSettings settings = new SendRateSettings(true, 5, Map.of());
        SendRate a = new SendRate(settings, instanceA, clock, new SimpleMeterRegistry());
        SendRate b = new SendRate(settings, instanceB, clock, new SimpleMeterRegistry());
        SendRate.Sender number = new SendRate.Sender("meta", "1065-shared");

        List<DeliveryException> refused = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < 20; i++) {
            SendRate instance = i % 2 == 0 ? a : b;
            DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> instance.acquire(number));
            if (e == null) {
                sent++;
            }
            else {
                refused.add(e);
            }
        }

        assertThat(sent).as("sends let through by both instances together within one second").isEqualTo(5);
        assertThat(refused).hasSize(15).allSatisfy(e -> {
            assertThat(e.isBusy()).as("a spent budget is not a failure of the step").isTrue();
            assertThat(e.retryAfter()).isPositive().isLessThan(Duration.ofSeconds(1).plus(SendRate.SPREAD));
            assertThat(e).hasMessageContaining("meta number 1065-shared has sent its 5 per second");
        });

        clock.advance(Duration.ofSeconds(1));
        int afterASecond = 0;
        for (int i = 0; i < 10; i++) {
            SendRate instance = i % 2 == 0 ? b : a;
            if (catchThrowableOfType(DeliveryException.class, () -> instance.acquire(number)) == null) {
                afterASecond++;
            }
        }
        assertThat(afterASecond).as("one second refills the budget, once").isEqualTo(5);
    }

    @Test
    void theWaitIsAtLeastTheTimeUntilTheNextSendIsAllowed() {
        SendRate rate = new SendRate(new SendRateSettings(true, 4, Map.of()), instanceA, clock, new SimpleMeterRegistry());
        SendRate.Sender number = new SendRate.Sender("gupshup", "5511900000001");
        for (int i = 0; i < 4; i++) {
            rate.acquire(number);
        }

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> rate.acquire(number));

        assertThat(e.retryAfter()).as("4 a second: one send again after a quarter second, and a random spread")
                .isBetween(Duration.ofMillis(250), Duration.ofMillis(250).plus(SendRate.SPREAD));
        clock.advance(Duration.ofMillis(249));
        assertThat(catchThrowableOfType(DeliveryException.class, () -> rate.acquire(number))).as("not before").isNotNull();
        clock.advance(Duration.ofMillis(1));
        rate.acquire(number);
    }

    @Test
    void eachNumberHasItsOwnBudgetAndItsOwnRateWhenConfigured() {
        SendRate rate = new SendRate(new SendRateSettings(true, 3, Map.of("slow-1", 1)), instanceA, clock,
                new SimpleMeterRegistry());

        assertThat(allowed(rate, new SendRate.Sender("meta", "slow-1"), 5)).as("a number's own rate").isEqualTo(1);
        assertThat(allowed(rate, new SendRate.Sender("meta", "fast-1"), 5)).as("the default rate").isEqualTo(3);
        assertThat(allowed(rate, new SendRate.Sender("gupshup", "fast-1"), 5))
                .as("the same digits at another provider are another number").isEqualTo(3);
    }

    @Test
    void aDisabledSendRateLetsEverySendThroughWithoutADatabase() {
        SendRate rate = new SendRate(new SendRateSettings(false, 1, Map.of()), null, clock, new SimpleMeterRegistry());

        assertThat(allowed(rate, new SendRate.Sender("meta", "any"), 50)).isEqualTo(50);
    }

    /** Not an assertion on time (that would be a timed test): a figure for the log, as the README quotes it. */
    @Test
    void oneSendCostsOneShortTransaction() {
        SendRate rate = new SendRate(new SendRateSettings(true, 10_000, Map.of()), instanceA, clock,
                new SimpleMeterRegistry());
        SendRate.Sender number = new SendRate.Sender("meta", "bench-1");
        rate.acquire(number); // the row is created on first use
        int sends = 500;
        long start = System.nanoTime();
        for (int i = 0; i < sends; i++) {
            rate.acquire(number);
        }
        long micros = (System.nanoTime() - start) / 1_000 / sends;
        log.info("Send rate check: {} µs per template send on this machine's embedded PostgreSQL ({} sends)", micros, sends);

        Long rows = new org.springframework.jdbc.core.JdbcTemplate(instanceA)
                .queryForObject("SELECT count(*) FROM send_rate_bucket WHERE id = 'meta:bench-1'", Long.class);
        assertThat(rows).as("one row per number, however many sends").isEqualTo(1);
    }

    private static int allowed(SendRate rate, SendRate.Sender sender, int tries) {
        int allowed = 0;
        for (int i = 0; i < tries; i++) {
            if (catchThrowableOfType(DeliveryException.class, () -> rate.acquire(sender)) == null) {
                allowed++;
            }
        }
        return allowed;
    }
}
