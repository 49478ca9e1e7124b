package io.followup.job;

import java.time.Duration;

/** A job failure that tells the engine how to go on: never retry, or retry no sooner than a given wait. */
public final class JobFailure extends RuntimeException {

    private final boolean permanent;
    private final Duration retryAfter;

    private JobFailure(String message, boolean permanent, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public static JobFailure permanent(String message) {
        return new JobFailure(message, true, null, null);
    }

    /** Retry, waiting at least {@code retryAfter} (null: the normal backoff). */
    public static JobFailure retry(String message, Duration retryAfter, Throwable cause) {
        return new JobFailure(message, false, retryAfter, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
