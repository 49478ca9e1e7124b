package io.followup.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition without asserting on timing: checks every few milliseconds up to a deadline. */
public final class Eventually {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final long PAUSE_MILLIS = 10;

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@link #DEFAULT_TIMEOUT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> {
        });
    }

    /**
     * Runs {@code step} (for example one poll) and checks {@code condition}, again and again, until the
     * condition holds; fails with {@code what} after {@link #DEFAULT_TIMEOUT}.
     */
    public static void until(String what, BooleanSupplier condition, Runnable step) {
        until(what, DEFAULT_TIMEOUT, condition, step);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition, Runnable step) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            step.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, ex);
            }
        }
    }
}
