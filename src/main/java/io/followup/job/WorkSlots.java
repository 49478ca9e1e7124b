package io.followup.job;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/** Counts the jobs an instance holds (running or queued for a worker) against a limit that may change. */
final class WorkSlots {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private int held;

    /**
     * Waits up to {@code timeout} until fewer than {@code limit} jobs are held, then reserves room for
     * as many more as the limit allows, at most {@code most}; returns 0 if none freed up in time.
     */
    int reserve(IntSupplier limit, int most, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            int room;
            while ((room = limit.getAsInt() - held) <= 0) {
                if (left <= 0) {
                    return 0;
                }
                left = freed.awaitNanos(left);
            }
            int reserved = Math.min(room, most);
            held += reserved;
            return reserved;
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
            freed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }
}
