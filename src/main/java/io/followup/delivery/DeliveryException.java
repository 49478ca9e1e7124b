package io.followup.delivery;

import java.time.Duration;

/**
 * A send that did not succeed. Retryable ones (5xx, 408, 429, timeouts, connection failures) may
 * succeed later; the others (4xx, a template that does not exist, a placeholder with no value) never will.
 */
public class DeliveryException extends RuntimeException {

    private final boolean retryable;
    private final boolean busy;
    private final boolean channelFault;
    private final Duration retryAfter;

    private DeliveryException(String message, boolean retryable, boolean busy, Duration retryAfter, Throwable cause) {
        this(message, retryable, busy, false, retryAfter, cause);
    }

    private DeliveryException(String message, boolean retryable, boolean busy, boolean channelFault, Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.busy = busy;
        this.channelFault = channelFault;
        this.retryAfter = retryAfter;
    }

    /**
     * The channel itself is broken (an expired token, a blocked account): the step is not at fault, so it
     * waits {@code wait} and tries again without using an attempt, until someone fixes the channel.
     */
    static DeliveryException channelFault(String message, Duration wait) {
        return new DeliveryException(message, true, false, true, wait, null);
    }

    /**
     * The provider refused the send because the lead opted out (Meta 131050): permanent for this lead on this
     * channel, so the caller records the opt-out rather than only failing the step.
     */
    static DeliveryException optedOut(String message) {
        return new OptedOut(message);
    }

    /** True when the lead opted out (see {@link #optedOut}). */
    public boolean isOptOut() {
        return this instanceof OptedOut;
    }

    /** A permanent failure that also says the lead opted out. */
    private static final class OptedOut extends DeliveryException {

        private OptedOut(String message) {
            super(message, false, false, null, null);
        }
    }

    /** True for a fault of the channel rather than of this step (see {@link #channelFault}). */
    public boolean isChannelFault() {
        return channelFault;
    }

    public static DeliveryException retryable(String message, Duration retryAfter, Throwable cause) {
        return new DeliveryException(message, true, false, retryAfter, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, false, null, null);
    }

    /** The lead's channel has no provider in the settings (or no longer the one it was enrolled with). */
    static DeliveryException noProvider(StepDelivery.Recipient to) {
        return permanent("No WhatsApp provider configured for channel %s / app %s".formatted(to.channelId(), to.appId()));
    }

    /** Nothing was sent: this instance already has as many sends in flight to the provider as allowed. */
    static DeliveryException busy(String provider, Duration retryAfter) {
        return new DeliveryException(provider + " has as many sends in flight as allowed; trying again shortly",
                true, true, retryAfter, null);
    }

    /**
     * Nothing was sent and nothing went wrong: the step may not go out yet (its sender number has spent its send
     * rate for the moment). Busy like {@link #busy}, so the step is put back for {@code wait} without using an attempt.
     */
    static DeliveryException notNow(String message, Duration wait) {
        return new DeliveryException(message, true, true, wait, null);
    }

    /** True when nothing was attempted (see {@link #busy}): not a failure of the step. */
    public boolean isBusy() {
        return busy;
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** The wait the provider asked for (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
