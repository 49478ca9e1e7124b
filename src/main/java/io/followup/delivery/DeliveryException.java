package io.followup.delivery;

import java.time.Duration;

/**
 * A send that did not succeed. Retryable ones (5xx, 408, 429, timeouts, connection failures) may
 * succeed later; the others (4xx, a template that does not exist, a placeholder with no value) never will.
 */
public class DeliveryException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException retryable(String message, Duration retryAfter, Throwable cause) {
        return new DeliveryException(message, true, retryAfter, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null);
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** The wait the provider asked for (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
