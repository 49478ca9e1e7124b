package io.followup.job;

import java.time.Duration;

/** A job failure that tells the engine how to go on: never retry, retry no sooner than a given wait, or put the job back without charging an attempt. */
public final class JobFailure extends RuntimeException {

    private final boolean permanent;
    private final boolean deferred;
    private final Duration retryAfter;

    private JobFailure(String message, boolean permanent, boolean deferred, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.deferred = deferred;
        this.retryAfter = retryAfter;
    }

    public static JobFailure permanent(String message) {
        return new JobFailure(message, true, false, null, null);
    }

    /** Retry, waiting at least {@code retryAfter} (null: the normal backoff). */
    public static JobFailure retry(String message, Duration retryAfter, Throwable cause) {
        return new JobFailure(message, false, false, retryAfter, cause);
    }

    /** The job did nothing and should run again after {@code wait}, without using an attempt (its resource is busy). */
    public static JobFailure defer(String message, Duration wait) {
        return new JobFailure(message, false, true, wait, null);
    }

    public boolean isDeferred() {
        return deferred;
    }

    public boolean isPermanent() {
        return permanent;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
