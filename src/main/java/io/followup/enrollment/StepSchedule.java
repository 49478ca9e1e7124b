package io.followup.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.followup.config.StepInterval;
import io.followup.job.JobQueue;
import org.springframework.stereotype.Component;

/**
 * Schedules an enrollment's current step as a job, in the caller's transaction: for new enrollments (the intake, one
 * by one through JPA or a batch's together) and for the next step after a step's outcome ({@link StepProgress}, in
 * plain SQL). Not transactional itself, so it joins whichever kind of transaction it is called in.
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
        JobQueue.NewJob job = jobOf(enrollment, anchor);
        long jobId = jobs.enqueue(StepJobHandler.KIND, job.payload(), job.runAt(), job.dedupeKey())
                .orElseThrow(() -> scheduledTwice(enrollment));
        enrollment.scheduleCurrent(job.runAt(), jobId);
    }

    /** {@link #current} for many enrollments, their jobs in one statement; {@code anchors} in the same order. */
    void currentAll(List<Enrollment> enrollments, List<Instant> anchors) {
        List<JobQueue.NewJob> newJobs = new ArrayList<>();
        for (int i = 0; i < enrollments.size(); i++) {
            newJobs.add(jobOf(enrollments.get(i), anchors.get(i)));
        }
        Map<String, Long> jobIds = jobs.enqueueAll(StepJobHandler.KIND, newJobs);
        for (int i = 0; i < enrollments.size(); i++) {
            Long jobId = jobIds.get(newJobs.get(i).dedupeKey());
            if (jobId == null) {
                throw scheduledTwice(enrollments.get(i));
            }
            enrollments.get(i).scheduleCurrent(newJobs.get(i).runAt(), jobId);
        }
    }

    private static JobQueue.NewJob jobOf(Enrollment enrollment, Instant anchor) {
        EnrollmentStep step = enrollment.current();
        return new JobQueue.NewJob(new StepJobPayload(enrollment.getId(), step.number()),
                anchor.plus(StepInterval.parse(step.interval())), StepResend.jobKey(enrollment.getId(), step));
    }

    private static IllegalStateException scheduledTwice(Enrollment enrollment) {
        return new IllegalStateException("Step " + enrollment.getCurrentStep() + " of " + enrollment.getId() + " was scheduled twice");
    }
}
