package io.followup.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A test clock in UTC that ticks in microseconds, as the service's clock and PostgreSQL do; subclasses say what time it is. */
abstract class UtcClock extends Clock {

    /** The time, before it is cut to microseconds. */
    abstract Instant now();

    @Override
    public final Instant instant() {
        return now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is always UTC");
    }
}
