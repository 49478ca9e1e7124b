package io.followup.enrollment;

import java.time.Instant;

import io.followup.config.StepInterval;
import io.followup.job.JobQueue;
import org.springframework.stereotype.Component;

/**
 * Schedules an enrollment's current step as a job, in the caller's transaction: for a new enrollment (the intake,
 * through JPA) and for the next step after a step's outcome ({@link StepProgress}, in plain SQL). Not transactional
 * itself, so it joins whichever kind of transaction it is called in.
 */
@Component
class StepSchedule {

    private final JobQueue jobs;

    StepSchedule(JobQueue jobs) {
        this.jobs = jobs;
    }

    /**
     * Schedules the enrollment's current step, {@code interval} after {@code anchor}. A step scheduled before, then put
     * back to pending ({@link StepResend}), gets a dedupe key of its own.
     */
    void current(Enrollment enrollment, Instant anchor) {
        EnrollmentStep step = enrollment.current();
        Instant due = anchor.plus(StepInterval.parse(step.interval()));
        long jobId = jobs.enqueue(StepJobHandler.KIND, new StepJobPayload(enrollment.getId(), step.number()), due,
                StepResend.jobKey(enrollment.getId(), step))
                .orElseThrow(() -> new IllegalStateException("Step " + step.number() + " of " + enrollment.getId() + " was scheduled twice"));
        enrollment.scheduleCurrent(due, jobId);
    }
}
