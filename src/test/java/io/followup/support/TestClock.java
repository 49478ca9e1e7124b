package io.followup.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: real time plus an offset that tests move forward, so schedules of
 * hours and days run in milliseconds. Time never goes back, so tests sharing it stay consistent. It
 * ticks in microseconds, as the service's clock and PostgreSQL do.
 */
public final class TestClock extends UtcClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves "now" forward by {@code amount}. */
    public void advance(Duration amount) {
        offset.updateAndGet(current -> current.plus(amount));
    }

    @Override
    Instant now() {
        return Instant.now().plus(offset.get());
    }
}
