package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.followup.job.JobQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stops running enrollments and cancels the job of the step that will now not go out, in the caller's transaction. */
@Component
@Transactional
class EnrollmentStops {

    static final String LEAD_REPLIED = "Lead replied";
    static final String LEAD_OPTED_OUT = "Lead opted out";
    static final String REPLACED = "Replaced by a new trigger";

    private final EnrollmentRepository enrollments;
    private final JobQueue jobs;
    private final EnrollmentWebhooks webhooks;
    private final Clock clock;

    EnrollmentStops(EnrollmentRepository enrollments, JobQueue jobs, EnrollmentWebhooks webhooks, Clock clock) {
        this.enrollments = enrollments;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    void stop(Enrollment enrollment, String reason) {
        EnrollmentWebhooks.Watch watch = webhooks.watch(enrollment);
        enrollment.stop(reason, clock.instant()).ifPresent(jobs::cancel);
        enrollments.saveAndFlush(enrollment);
        watch.tell();
    }

    /**
     * Stops the lead's running enrollments on the channel (of any assistant of the tenant).
     *
     * @param messageAt when the lead wrote, for a reply: an enrollment triggered after it is left running
     *        (the message came before the status that started it); null stops them all
     * @return the enrollments stopped
     */
    List<Enrollment> stopOnChannel(UUID tenantId, String channelId, String leadId, String reason, Instant messageAt) {
        List<Enrollment> stopped = enrollments.findActiveOnChannelForUpdate(tenantId, channelId, leadId).stream()
                .filter(enrollment -> messageAt == null || !messageAt.isBefore(enrollment.getTriggeredAt()))
                .toList();
        stopped.forEach(enrollment -> stop(enrollment, reason));
        return stopped;
    }
}
