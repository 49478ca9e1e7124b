package io.followup.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.followup.webhooks.WebhookAudience;
import io.followup.webhooks.WebhookEvents;
import io.followup.webhooks.WebhookOutbox;
import org.springframework.stereotype.Component;

/**
 * Tells a tenant's webhook subscribers what happens to its enrollments, in the transaction of the change (JPA's or a
 * step job's plain JDBC one; the outbox joins either). A change is told by comparing the enrollment before and after
 * it ({@link Watch}), so every path that moves a step or ends an enrollment tells the same events the same way.
 */
@Component
class EnrollmentWebhooks {

    private final WebhookOutbox outbox;

    EnrollmentWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    /** What a change is compared with: the status and the (immutable) steps as they were. */
    private record Snapshot(Enrollment.Status status, List<EnrollmentStep> steps) {

        static Snapshot of(Enrollment enrollment) {
            return new Snapshot(enrollment.getStatus(), enrollment.getSteps());
        }
    }

    /** An enrollment being changed: {@link #tell} records the events of what changed since it was watched (or last told). */
    final class Watch {

        private final Enrollment enrollment;
        private Snapshot last;

        private Watch(Enrollment enrollment) {
            this.enrollment = enrollment;
            this.last = Snapshot.of(enrollment);
        }

        void tell() {
            changed(last, enrollment);
            last = Snapshot.of(enrollment);
        }

        /** Changes made meanwhile by a path that told them itself (a stop). */
        void alreadyTold() {
            last = Snapshot.of(enrollment);
        }
    }

    Watch watch(Enrollment enrollment) {
        return new Watch(enrollment);
    }

    void started(Enrollment e) {
        String due = e.current().dueAt();
        record(e.getTenantId(), WebhookEvents.ENROLLMENT_STARTED, new EnrollmentStartedData(e.getId(), e.getAssistantId(),
                e.getLeadId(), e.getChannelId(), e.getConfigId(), e.getTriggerStatusId(), e.getTriggeredAt(), e.getSteps().size(),
                due == null ? null : Instant.parse(due), e.getCreatedAt()));
    }

    /** Only an opt-out recorded now is told; one the lead had already given keeps its first time and is not told again. */
    void optedOut(UUID tenantId, String channelId, String leadId, String source, Instant at) {
        record(tenantId, WebhookEvents.LEAD_OPTED_OUT, new LeadOptedOutData(leadId, channelId, source, at));
    }

    /** The stop reason as a code; the words stay in {@code detail}. */
    static String reasonCode(String stopReason) {
        if (EnrollmentStops.LEAD_REPLIED.equals(stopReason)) {
            return "reply";
        }
        if (EnrollmentStops.LEAD_OPTED_OUT.equals(stopReason)) {
            return "opted_out";
        }
        if (EnrollmentStops.REPLACED.equals(stopReason)) {
            return "replaced";
        }
        return "status_changed"; // StatusDecision's stops: a non-trigger status, or no steps for the lead's channel
    }

    private void changed(Snapshot before, Enrollment after) {
        for (EnrollmentStep now : after.getSteps()) {
            EnrollmentStep was = before.steps().get(now.number() - 1);
            if (now.sentAt() != null && !now.sentAt().equals(was.sentAt())) {
                step(after, now, WebhookEvents.STEP_SENT, now.sentAt());
            }
            if (now.deliveredAt() != null && !now.deliveredAt().equals(was.deliveredAt())) {
                step(after, now, WebhookEvents.STEP_DELIVERED, now.deliveredAt());
            }
            if (now.readAt() != null && !now.readAt().equals(was.readAt())) {
                step(after, now, WebhookEvents.STEP_READ, now.readAt());
            }
            if (became(was, now, StepState.FAILED)) {
                step(after, now, WebhookEvents.STEP_FAILED, now.finishedAt());
            }
            if (became(was, now, StepState.SKIPPED)) {
                step(after, now, WebhookEvents.STEP_SKIPPED, now.finishedAt());
            }
        }
        if (before.status() == after.getStatus()) {
            return;
        }
        // A failed enrollment has no event of its own: its step.failed says so (enrollment_status "failed").
        if (after.getStatus() == Enrollment.Status.STOPPED) {
            record(after.getTenantId(), WebhookEvents.ENROLLMENT_STOPPED, new EnrollmentStoppedData(after.getId(),
                    after.getAssistantId(), after.getLeadId(), after.getChannelId(), reasonCode(after.getStopReason()),
                    after.getStopReason(), after.getCurrentStep(), after.getFinishedAt()));
        }
        else if (after.getStatus() == Enrollment.Status.COMPLETED) {
            record(after.getTenantId(), WebhookEvents.ENROLLMENT_COMPLETED, new EnrollmentCompletedData(after.getId(),
                    after.getAssistantId(), after.getLeadId(), after.getChannelId(), after.getSteps().size(), after.getFinishedAt()));
        }
    }

    private static boolean became(EnrollmentStep was, EnrollmentStep now, StepState state) {
        return now.state() == state && was.state() != state;
    }

    private void step(Enrollment e, EnrollmentStep step, String type, String at) {
        record(e.getTenantId(), type, new StepEventData(e.getId(), e.getAssistantId(), e.getLeadId(), e.getChannelId(),
                step.number(), step.state().wire(), step.templateName(), step.providerMessageId(),
                step.state() == StepState.FAILED || step.state() == StepState.SKIPPED ? step.error() : null,
                step.providerErrorCode(), e.getStatus().name().toLowerCase(Locale.ROOT),
                Instant.parse(Objects.requireNonNull(at))));
    }

    private void record(UUID tenantId, String type, Object data) {
        outbox.record(WebhookAudience.BACKEND, tenantId.toString(), type, data, null);
    }
}
