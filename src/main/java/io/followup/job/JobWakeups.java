package io.followup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * The poll loop's alarm clock. The loop sleeps until its next regular poll or until the earliest due
 * time it was told about, whichever comes first; enqueueing a job due before the next poll (here or,
 * through NOTIFY, on another instance) moves the alarm forward. A lost signal costs lateness, never a
 * job: the regular poll still finds it.
 */
@Component
class JobWakeups {

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Instant earliest = Instant.MAX;

    JobWakeups(Clock clock) {
        this.clock = clock;
    }

    /** A job becomes due at {@code runAt}: wake the loop then if that is before its alarm. */
    void dueAt(Instant runAt) {
        lock.lock();
        try {
            if (runAt.isBefore(earliest)) {
                earliest = runAt;
                changed.signalAll();
            }
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Sleeps until {@code alarm} or the earliest due time signalled meanwhile, then forgets the signals:
     * the poll that follows sees every job they were about.
     */
    void sleepUntil(Instant alarm) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Instant wake = earliest.isBefore(alarm) ? earliest : alarm;
                Duration left = Duration.between(clock.instant(), wake);
                if (left.isNegative() || left.isZero()) {
                    earliest = Instant.MAX;
                    return;
                }
                changed.await(left.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        finally {
            lock.unlock();
        }
    }
}
