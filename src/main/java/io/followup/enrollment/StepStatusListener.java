package io.followup.enrollment;

import java.time.Clock;
import java.util.Optional;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.ProviderFailures;
import io.followup.delivery.ProviderStatus;
import io.followup.job.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a provider's delivery status to the step that sent the message, found by the message ID it keeps or, for
 * a send whose answer never came (a timeout), by the step key Meta echoes. Such a step is still scheduled, its
 * retry pending: it is recorded as sent with the status's message ID, through the same path as a send that
 * answered, so the sequence moves on and the retry finds nothing due. A failure that is not the lead's puts the step
 * back to be sent again ({@link StepResend}). Statuses of messages no step knows are ignored.
 */
@Component
class StepStatusListener {

    private static final Logger log = LoggerFactory.getLogger(StepStatusListener.class);

    private final EnrollmentMessageRepository byMessage;
    private final EnrollmentRepository enrollments;
    private final StepProgress progress;
    private final LeadOptOuts optOuts;
    private final StepResend resend;
    private final JobQueue jobs;
    private final EnrollmentWebhooks webhooks;
    private final Clock clock;

    StepStatusListener(EnrollmentMessageRepository byMessage, EnrollmentRepository enrollments, StepProgress progress,
            LeadOptOuts optOuts, StepResend resend, JobQueue jobs, EnrollmentWebhooks webhooks, Clock clock) {
        this.byMessage = byMessage;
        this.enrollments = enrollments;
        this.progress = progress;
        this.optOuts = optOuts;
        this.resend = resend;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    private record Found(Enrollment enrollment, int step) {
    }

    @EventListener
    @Transactional
    public void on(ProviderStatus status) {
        Optional<Found> found = byMessageId(status).or(() -> byStepKey(status));
        if (found.isEmpty()) {
            log.debug("{} status {} for message {} (key {}) that no step sent: ignored", status.channel().wire(),
                    status.status(), status.providerMessageId(), status.stepKey());
            return;
        }
        EnrollmentWebhooks.Watch watch = webhooks.watch(found.get().enrollment());
        apply(status, found.get().enrollment(), found.get().step(), watch);
        watch.tell();
    }

    private void apply(ProviderStatus status, Enrollment enrollment, int number, EnrollmentWebhooks.Watch watch) {
        EnrollmentStep step = enrollment.step(number);
        if (step.channel() != null && step.channel() != status.channel()) {
            return; // another provider's message that happens to carry the same ID
        }
        if (step.state() == StepState.SCHEDULED || step.state() == StepState.CANCELLED) {
            // Scheduled: its retry is pending. Cancelled: the enrollment stopped while it was being sent. Either way
            // the provider has the message; recording it goes through the sent path, which moves only a running enrollment on.
            if (status.status() == ProviderStatus.Kind.FAILED || status.providerMessageId() == null) {
                return; // not known to have gone out: the pending retry decides
            }
            if (status.providerMessageId().equals(step.providerMessageId())) {
                return; // a late status of the message that failed, whose re-send is pending
            }
            progress.recordSent(enrollment, number, status.providerMessageId());
            step = enrollment.step(number);
        }
        if (status.providerMessageId() != null && step.providerMessageId() != null
                && !step.providerMessageId().equals(status.providerMessageId())) {
            return; // the status of an earlier try of this step, which its retry replaced
        }
        EnrollmentStep updated = StepDeliveryState.apply(step, status);
        if (updated.equals(step)) {
            return;
        }
        // An opt-out first: the lead's enrollments on the channel stop for that reason, rather than fail for the step.
        Optional<String> optOut = optOutSource(status);
        optOut.ifPresent(source -> {
            watch.tell(); // a send recorded just now goes before the stop it leads to, which tells itself
            optOuts.optOutOfStep(enrollment.getId(), source, status.error());
            watch.alreadyTold();
        });
        if (updated.state() == StepState.FAILED && optOut.isEmpty() && resend.putBack(enrollment, step, status)) {
            return;
        }
        enrollment.recordDelivery(updated, clock.instant()).ifPresent(jobs::cancel);
    }

    /** A failed status that says the lead opted out: Meta 131050 (stopped marketing messages), Gupshup 1012. */
    private static Optional<String> optOutSource(ProviderStatus status) {
        if (status.status() != ProviderStatus.Kind.FAILED
                || ProviderFailures.of(status.channel(), status.errorCode()) != ProviderFailures.Kind.OPTED_OUT) {
            return Optional.empty();
        }
        return Optional.of(status.channel() == DeliveryChannel.WHATSAPP_META ? LeadOptOuts.META_131050 : LeadOptOuts.GUPSHUP_1012);
    }

    private Optional<Found> byMessageId(ProviderStatus status) {
        if (status.providerMessageId() == null) {
            return Optional.empty();
        }
        return byMessage.findBySentMessageForUpdate(status.providerMessageId())
                .flatMap(enrollment -> enrollment.getSteps().stream()
                        .filter(step -> status.providerMessageId().equals(step.providerMessageId()))
                        .findFirst()
                        .map(step -> new Found(enrollment, step.number())));
    }

    private Optional<Found> byStepKey(ProviderStatus status) {
        return StepKey.parse(status.stepKey()).flatMap(key -> enrollments.findByIdForUpdate(key.enrollmentId())
                .filter(enrollment -> key.step() <= enrollment.getSteps().size())
                .map(enrollment -> new Found(enrollment, key.step())));
    }
}
