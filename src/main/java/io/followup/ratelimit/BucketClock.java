package io.followup.ratelimit;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's time from the injected clock, so tests move it instead of sleeping: the API budgets' and the WhatsApp
 * send rate's (delivery).
 */
public record BucketClock(Clock clock) implements TimeMeter {

    static final long NANOS_PER_SECOND = 1_000_000_000L;

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
