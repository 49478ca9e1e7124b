package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves an enrollment from step to step: the database work of a step job before its send (is the step still due?)
 * and after it (its outcome, and the next step scheduled or the enrollment completed), in plain SQL through
 * {@link StepRows}. The send happens between them, outside any transaction, in {@link StepJobHandler}.
 *
 * <p>The transactions are JDBC ones, not JPA's: nothing here touches the persistence context, and a Hibernate session
 * per outcome was cost for nothing. So nothing called inside them may be a JPA {@code @Transactional} method (the
 * JPA transaction manager refuses to start on a connection another manager bound); {@link StepSchedule} and the job
 * queue are plain JDBC and join them.
 */
@Component
class StepProgress {

    private final StepRows rows;
    private final StepSchedule schedule;
    private final EnrollmentWebhooks webhooks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StepProgress(StepRows rows, StepSchedule schedule, EnrollmentWebhooks webhooks, JdbcTemplate jdbc, Clock clock) {
        this.rows = rows;
        this.schedule = schedule;
        this.webhooks = webhooks;
        // The JdbcTemplate's own DataSource, so its statements (and the job queue's) run on this transaction's connection.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource())));
        this.clock = clock;
    }

    /** The job's step, when it is still to be sent (not stopped, replaced or already done). */
    Optional<StepRows.Due> due(StepJobPayload job) {
        return rows.due(job.enrollmentId(), job.step());
    }

    void sent(StepJobPayload job, String providerMessageId) {
        finish(job, (enrollment, now) -> enrollment.markSent(job.step(), now, providerMessageId));
    }

    void skipped(StepJobPayload job, String reason) {
        finish(job, (enrollment, now) -> enrollment.markSkipped(job.step(), reason, now));
    }

    /**
     * An attempt failed and will be retried: the step shows the error meanwhile, unless a provider's status already
     * said the message went out (its answer timed out after the status came), which the retry will find.
     */
    void attemptFailed(StepJobPayload job, String error) {
        change(job, enrollment -> {
            if (StepDeliveryState.isOut(enrollment.step(job.step()).state())) {
                return false;
            }
            enrollment.markAttemptFailed(job.step(), error, now());
            return true;
        });
    }

    /** The job failed for good: the step fails and the enrollment with it, unless it moved on meanwhile. */
    void failed(StepJobPayload job, String error) {
        change(job, enrollment -> {
            if (!enrollment.isDue(job.step())) {
                return false;
            }
            enrollment.fail(job.step(), error, now());
            return true;
        });
    }

    private interface StepOutcome {
        void apply(Enrollment enrollment, Instant now);
    }

    private void finish(StepJobPayload job, StepOutcome outcome) {
        change(job, enrollment -> record(enrollment, job.step(), outcome));
    }

    /**
     * Records that a provider has step {@code number}'s message, on an enrollment the caller loaded and will write: a
     * provider's status that came before the send's own answer ({@link StepStatusListener}, on its managed entity).
     */
    boolean recordSent(Enrollment enrollment, int number, String providerMessageId) {
        return record(enrollment, number, (changed, now) -> changed.markSent(number, now, providerMessageId));
    }

    /**
     * Records the step's outcome and schedules the next step (or completes the enrollment); false when the step had
     * one already. A step cancelled while it was being sent still records what happened to it; only an active
     * enrollment moves on.
     */
    private boolean record(Enrollment enrollment, int number, StepOutcome outcome) {
        StepState state = enrollment.step(number).state();
        if (state != StepState.SCHEDULED && state != StepState.CANCELLED) {
            return false;
        }
        Instant now = now();
        outcome.apply(enrollment, now);
        if (enrollment.isActive() && enrollment.getCurrentStep() == number && enrollment.advance(now)) {
            schedule.current(enrollment, now);
        }
        return true;
    }

    /** Locks the job's enrollment and writes it back (telling what changed) when {@code change} changed it. */
    private void change(StepJobPayload job, Predicate<Enrollment> change) {
        transactions.executeWithoutResult(status -> rows.lock(job.enrollmentId()).ifPresent(enrollment -> {
            EnrollmentWebhooks.Watch watch = webhooks.watch(enrollment);
            if (change.test(enrollment)) {
                rows.update(enrollment);
                watch.tell();
            }
        }));
    }

    private Instant now() {
        return clock.instant();
    }
}
