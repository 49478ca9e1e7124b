package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.followup.config.StepInterval;
import io.followup.delivery.StepDelivery;
import io.followup.job.JobQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an enrollment from step to step, and owns every transaction of a step job: whether its step is still
 * due, its outcome, and the scheduling of the next step. The send itself happens between these, outside any.
 */
@Service
@Transactional
class StepProgress {

    private final EnrollmentRepository enrollments;
    private final JobQueue jobs;
    private final Clock clock;

    StepProgress(EnrollmentRepository enrollments, JobQueue jobs, Clock clock) {
        this.enrollments = enrollments;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Schedules the enrollment's current step, {@code interval} after {@code anchor}, in the caller's transaction. */
    public void scheduleCurrent(Enrollment enrollment, Instant anchor) {
        EnrollmentStep step = enrollment.current();
        Instant due = anchor.plus(StepInterval.parse(step.interval()));
        long jobId = jobs.enqueue(StepJobHandler.KIND, new StepJobPayload(enrollment.getId(), step.number()), due,
                StepDelivery.idempotencyKey(enrollment.getId(), step.number()))
                .orElseThrow(() -> new IllegalStateException("Step " + step.number() + " of " + enrollment.getId() + " was scheduled twice"));
        enrollment.scheduleCurrent(due, jobId);
    }

    /** The enrollment, when the job's step is still to be sent (not stopped, replaced or already done). */
    @Transactional(readOnly = true)
    public Optional<Enrollment> due(StepJobPayload job) {
        return enrollments.findById(job.enrollmentId()).filter(enrollment -> isDue(enrollment, job));
    }

    public void sent(StepJobPayload job, String providerMessageId) {
        finish(job, (enrollment, now) -> enrollment.markSent(job.step(), now, providerMessageId));
    }

    public void skipped(StepJobPayload job, String reason) {
        finish(job, (enrollment, now) -> enrollment.markSkipped(job.step(), reason, now));
    }

    /** An attempt failed and will be retried: the step shows the error meanwhile. */
    public void attemptFailed(StepJobPayload job, String error) {
        enrollments.findByIdForUpdate(job.enrollmentId())
                .ifPresent(enrollment -> enrollment.markAttemptFailed(job.step(), error, now()));
    }

    /** The job failed for good: the step fails and the enrollment with it, unless it moved on meanwhile. */
    public void failed(StepJobPayload job, String error) {
        enrollments.findByIdForUpdate(job.enrollmentId())
                .filter(enrollment -> isDue(enrollment, job))
                .ifPresent(enrollment -> enrollment.fail(job.step(), error, now()));
    }

    private static boolean isDue(Enrollment enrollment, StepJobPayload job) {
        return enrollment.isActive() && enrollment.getCurrentStep() == job.step()
                && enrollment.step(job.step()).state() == StepState.SCHEDULED;
    }

    private interface StepOutcome {
        void apply(Enrollment enrollment, Instant now);
    }

    /**
     * Records the step's outcome and schedules the next step (or completes the enrollment). A step cancelled
     * while it was being sent still records what happened to it; only an active enrollment moves on.
     */
    private void finish(StepJobPayload job, StepOutcome outcome) {
        enrollments.findByIdForUpdate(job.enrollmentId()).ifPresent(enrollment -> {
            StepState state = enrollment.step(job.step()).state();
            if (state != StepState.SCHEDULED && state != StepState.CANCELLED) {
                return;
            }
            Instant now = now();
            outcome.apply(enrollment, now);
            if (enrollment.isActive() && enrollment.getCurrentStep() == job.step() && enrollment.advance(now)) {
                scheduleCurrent(enrollment, now);
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
