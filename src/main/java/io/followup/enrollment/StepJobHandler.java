package io.followup.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.followup.delivery.AiStepMessage;
import io.followup.delivery.DeliveryException;
import io.followup.delivery.StepSender;
import io.followup.delivery.TemplateStepMessage;
import io.followup.job.ClaimedJob;
import io.followup.job.JobFailure;
import io.followup.job.JobHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one step of an enrollment. The send happens outside any transaction (no row lock is held
 * while a provider answers); the outcome is written after it, and the next step is scheduled only
 * once this one was sent. Idempotency keys are stable per step, so a retry after a crash is harmless.
 */
@Component
class StepJobHandler implements JobHandler {

    static final String KIND = "followup.step";
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    private final EnrollmentRepository enrollments;
    private final EnrollmentService service;
    private final LeadRecords leads;
    private final StepSender sender;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    StepJobHandler(EnrollmentRepository enrollments, EnrollmentService service, LeadRecords leads, StepSender sender,
            TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.enrollments = enrollments;
        this.service = service;
        this.leads = leads;
        this.sender = sender;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(ClaimedJob job) {
        StepJob task = json.readValue(job.payload(), StepJob.class);
        Optional<Enrollment> found = enrollments.findById(task.enrollmentId());
        if (found.isEmpty() || !isDue(found.get(), task)) {
            return; // stopped, replaced or already done: nothing to send
        }
        Enrollment enrollment = found.get();
        EnrollmentStep step = enrollment.step(task.step());
        Optional<String> skip = skipReason(enrollment, step);
        if (skip.isPresent()) {
            finishStep(task, (current, now) -> current.markSkipped(task.step(), skip.get(), now));
            return;
        }
        try {
            send(enrollment, step);
        }
        catch (DeliveryException ex) {
            if (ex.isBusy()) {
                throw JobFailure.defer(ex.getMessage(), ex.retryAfter());
            }
            if (!ex.isRetryable()) {
                throw JobFailure.permanent(ex.getMessage());
            }
            recordAttemptError(task, ex.getMessage());
            throw JobFailure.retry(ex.getMessage(), ex.retryAfter(), ex);
        }
        finishStep(task, (current, now) -> current.markSent(task.step(), now));
    }

    @Override
    public void onFailed(ClaimedJob job, String error) {
        StepJob task = json.readValue(job.payload(), StepJob.class);
        transactions.executeWithoutResult(status -> enrollments.findByIdForUpdate(task.enrollmentId())
                .filter(enrollment -> isDue(enrollment, task))
                .ifPresent(enrollment -> enrollment.fail(task.step(), error, now())));
    }

    private static boolean isDue(Enrollment enrollment, StepJob task) {
        return enrollment.isActive() && enrollment.getCurrentStep() == task.step()
                && enrollment.step(task.step()).state() == StepState.SCHEDULED;
    }

    /** A free-form message on an official channel may only go out within 24 h of the lead's last message. */
    private Optional<String> skipReason(Enrollment enrollment, EnrollmentStep step) {
        if (step.isTemplate() || !step.isOnOfficialChannel()) {
            return Optional.empty();
        }
        return leads.lastMessageAt(enrollment.getTenantId(), enrollment.getAssistantId(), enrollment.getLeadId())
                .filter(last -> Duration.between(last, clock.instant()).compareTo(WHATSAPP_WINDOW) > 0)
                .map(last -> "More than 24 hours since the lead's last message (" + last.truncatedTo(ChronoUnit.SECONDS)
                        + "): WhatsApp allows only template messages on an official channel");
    }

    private void send(Enrollment enrollment, EnrollmentStep step) {
        String key = "enrollment:" + enrollment.getId() + ":step:" + step.number();
        if (step.isTemplate() && step.isOnOfficialChannel()) {
            sender.sendTemplate(new TemplateStepMessage(enrollment.getTenantId(), enrollment.getAssistantId(),
                    enrollment.getLeadId(), enrollment.getChannelId(), step.appId(), enrollment.getId(), step.number(),
                    step.templateName(), step.templateLanguage(), step.templateParams(), key, enrollment.getLead()));
        }
        else if (step.prompt() != null) {
            sender.sendAi(new AiStepMessage(enrollment.getTenantId(), enrollment.getAssistantId(), enrollment.getLeadId(),
                    enrollment.getChannelId(), enrollment.getId(), step.number(), step.prompt(), key, enrollment.getLead()));
        }
        else {
            throw DeliveryException.permanent("Template step " + step.number() + " needs an official WhatsApp channel, and channel "
                    + enrollment.getChannelId() + " has none in the configuration");
        }
    }

    private interface StepOutcome {
        void apply(Enrollment enrollment, Instant now);
    }

    /** Records the step's outcome and schedules the next step (or completes the enrollment). */
    private void finishStep(StepJob task, StepOutcome outcome) {
        transactions.executeWithoutResult(status -> enrollments.findByIdForUpdate(task.enrollmentId()).ifPresent(enrollment -> {
            StepState state = enrollment.step(task.step()).state();
            if (state != StepState.SCHEDULED && state != StepState.CANCELLED) {
                return;
            }
            Instant now = now();
            outcome.apply(enrollment, now);
            if (enrollment.isActive() && enrollment.getCurrentStep() == task.step() && enrollment.advance(now)) {
                service.scheduleCurrent(enrollment, now);
            }
        }));
    }

    private void recordAttemptError(StepJob task, String error) {
        transactions.executeWithoutResult(status -> enrollments.findByIdForUpdate(task.enrollmentId())
                .ifPresent(enrollment -> enrollment.markAttemptFailed(task.step(), error, now())));
    }

    private Instant now() {
        return clock.instant();
    }
}
