package io.followup.job;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * Counts the jobs an instance holds (running or queued for a worker) against a limit that may change,
 * and lets the poller wait until there is room for a worthwhile claim rather than for every single
 * free slot (which would mean one small claim, and one wake-up, per finished job).
 */
final class WorkSlots {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private int held;
    /** Wake the waiting poller once held drops to this; -1 when nobody waits. */
    private int wakeAt = -1;

    /**
     * Waits up to {@code timeout} until there is room for {@code minimum} more jobs under
     * {@code limit}, then reserves all the room there is, at most {@code most}. After the timeout it
     * takes whatever room there is; 0 if none.
     */
    int reserve(IntSupplier limit, IntSupplier minimum, int most, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                int room = limit.getAsInt() - held;
                int wanted = Math.max(1, minimum.getAsInt());
                if (room >= wanted || left <= 0) {
                    wakeAt = -1;
                    int reserved = Math.max(0, Math.min(room, most));
                    held += reserved;
                    return reserved;
                }
                wakeAt = limit.getAsInt() - wanted;
                left = freed.awaitNanos(left);
            }
        }
        finally {
            lock.unlock();
        }
    }

    void release(int count) {
        if (count == 0) {
            return;
        }
        lock.lock();
        try {
            held -= count;
            if (held <= wakeAt) {
                freed.signal();
            }
        }
        finally {
            lock.unlock();
        }
    }
}
