package io.followup.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.followup.delivery.ProviderFailures;
import io.followup.delivery.ProviderStatus;
import io.followup.delivery.StepDelivery;
import io.followup.job.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A provider's failed status that is not the lead's (throttling, the account's fault, Meta's recipient cap; see
 * {@link ProviderFailures}) puts the step back to be sent again rather than failing the enrollment, since the message
 * reached no one. Only while nothing after it went out: the enrollment is running and every later step is pending or
 * scheduled (that one's job is cancelled, unless it has started, and the step waits again). A completed enrollment, or
 * one whose next step went out, keeps the failure, as does a step past {@link ResendSettings#max} re-sends.
 */
@Component
class StepResend {

    private static final Logger log = LoggerFactory.getLogger(StepResend.class);

    private final JobQueue jobs;
    private final ResendSettings settings;
    private final Clock clock;

    StepResend(JobQueue jobs, ResendSettings settings, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The dedupe key of a step's job. Keys are unique forever (V3__job_engine.sql), so a step scheduled again (put back,
     * or pending again after a step before it was put back) names the job it replaces, which no other step has.
     */
    static String jobKey(UUID enrollmentId, EnrollmentStep step) {
        String key = StepDelivery.idempotencyKey(enrollmentId, step.number());
        return step.jobId() == null ? key : key + ":after-job:" + step.jobId();
    }

    /** Whether the failed status put {@code step} (still as sent) back to be sent again; false leaves it to fail. */
    boolean putBack(Enrollment enrollment, EnrollmentStep step, ProviderStatus status) {
        if (!enrollment.isActive() || !laterStepsWait(enrollment, step.number())) {
            return false;
        }
        ProviderFailures.Kind kind = ProviderFailures.of(status.channel(), status.errorCode());
        boolean counted = kind != ProviderFailures.Kind.CHANNEL_FAULT;
        int resends = counted ? step.resends() + 1 : step.resends();
        Duration wait = switch (kind) {
            case THROTTLED -> backoff(resends);
            case CHANNEL_FAULT -> settings.channelFaultWait();
            case RECIPIENT_LIMIT -> settings.recipientLimitWait();
            default -> null;
        };
        if (wait == null || counted && resends > settings.max() || !nextJobCancelled(enrollment, step.number())) {
            return false;
        }
        Instant now = clock.instant();
        Instant due = now.plus(wait);
        long job = jobs.enqueue(StepJobHandler.KIND, new StepJobPayload(enrollment.getId(), step.number()), due,
                jobKey(enrollment.getId(), step))
                .orElseThrow(() -> new IllegalStateException("Step " + step.number() + " of " + enrollment.getId() + " was put back twice"));
        String why = StepDeliveryState.failure(status) + "; sent again at " + due + (counted
                ? " (re-send " + resends + " of " + settings.max() + ")"
                : " (the channel's fault: sent again until it is fixed)");
        enrollment.putBack(step.resendScheduled(due, job, why, resends), now);
        log.info("Step {} of enrollment {} is sent again at {}: {}", step.number(), enrollment.getId(), due, why);
        return true;
    }

    /**
     * Cancels the job of a later step already scheduled; false when that job has started, so its message may be on
     * its way and the failed step cannot be put before it.
     */
    private boolean nextJobCancelled(Enrollment enrollment, int number) {
        return enrollment.getSteps().stream()
                .filter(later -> later.number() > number && later.state() == StepState.SCHEDULED && later.jobId() != null)
                .allMatch(later -> jobs.cancel(later.jobId()));
    }

    private static boolean laterStepsWait(Enrollment enrollment, int number) {
        return enrollment.getSteps().stream().filter(later -> later.number() > number)
                .allMatch(later -> later.state() == StepState.PENDING || later.state() == StepState.SCHEDULED);
    }

    /** The wait before re-send number {@code resend} (1-based), growing as the job engine's retries do. */
    private Duration backoff(int resend) {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.backoffInitial().toMillis(), settings.backoffMultiplier());
        backOff.setMaxInterval(settings.backoffMax().toMillis());
        BackOffExecution execution = backOff.start();
        long delay = settings.backoffInitial().toMillis();
        for (int i = 0; i < resend; i++) {
            delay = execution.nextBackOff();
        }
        return Duration.ofMillis(Math.max(delay, 0));
    }
}
