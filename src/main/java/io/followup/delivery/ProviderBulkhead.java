package io.followup.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Caps the sends in flight to each provider, so one that hangs until the read timeout holds at most
 * that many workers and steps for the other providers keep going. A send finding its provider full
 * does not wait (waiting would hold the worker all the same): it fails as busy, and the step is put
 * back for {@link #BUSY_WAIT} without using an attempt.
 */
final class ProviderBulkhead {

    static final Duration BUSY_WAIT = Duration.ofSeconds(1);

    private final int permits;
    private final Map<String, Semaphore> providers = new ConcurrentHashMap<>();

    ProviderBulkhead(int permits) {
        this.permits = permits;
    }

    <T> T call(String provider, Supplier<T> send) {
        Semaphore inFlight = providers.computeIfAbsent(provider, name -> new Semaphore(permits));
        if (!inFlight.tryAcquire()) {
            throw DeliveryException.busy(provider, BUSY_WAIT);
        }
        try {
            return send.get();
        }
        finally {
            inFlight.release();
        }
    }
}
