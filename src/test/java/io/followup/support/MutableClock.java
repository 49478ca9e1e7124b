package io.followup.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that stands still until a test moves it, ticking in microseconds as the service's clock does; safe to read from any thread. */
public final class MutableClock extends UtcClock {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }

    @Override
    Instant now() {
        return now.get();
    }
}
