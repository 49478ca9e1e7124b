package io.followup.job;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes poll loops for jobs enqueued due before the next poll, once per transaction and only if it
 * commits: one NOTIFY with the earliest due time (PostgreSQL delivers it at commit, to every
 * instance) and an in-process signal after commit (this instance, even if its listener is down).
 */
final class WakeupOnCommit implements TransactionSynchronization {

    private final JdbcTemplate jdbc;
    private final JobWakeups wakeups;
    private final boolean notify;
    private Instant earliest;

    private WakeupOnCommit(JdbcTemplate jdbc, JobWakeups wakeups, boolean notify, Instant runAt) {
        this.jdbc = jdbc;
        this.wakeups = wakeups;
        this.notify = notify;
        this.earliest = runAt;
    }

    static void register(JdbcTemplate jdbc, JobWakeups wakeups, boolean notify, Instant runAt) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // Auto-commit: the job is visible already.
            if (notify) {
                JobNotifications.send(jdbc, runAt);
            }
            wakeups.dueAt(runAt);
            return;
        }
        WakeupOnCommit pending = (WakeupOnCommit) TransactionSynchronizationManager.getResource(WakeupOnCommit.class);
        if (pending != null) {
            if (runAt.isBefore(pending.earliest)) {
                pending.earliest = runAt;
            }
            return;
        }
        pending = new WakeupOnCommit(jdbc, wakeups, notify, runAt);
        TransactionSynchronizationManager.bindResource(WakeupOnCommit.class, pending);
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (notify) {
            JobNotifications.send(jdbc, earliest);
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(WakeupOnCommit.class);
        if (status == STATUS_COMMITTED) {
            wakeups.dueAt(earliest);
        }
    }
}
