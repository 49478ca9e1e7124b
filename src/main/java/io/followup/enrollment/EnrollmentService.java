package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.followup.config.FollowupSequences;
import io.followup.config.SequenceSnapshot;
import io.followup.config.StepInterval;
import io.followup.job.JobQueue;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns lead events into enrollments, and moves enrollments from step to step: it owns every transaction of a
 * step job (whether its step is still due, its outcome, the scheduling of the next step); the send happens
 * between them, outside any, in {@link StepJobHandler}.
 */
@Service
@Transactional
class EnrollmentService {

    private final EnrollmentRepository enrollments;
    private final LeadActivity leads;
    private final LeadWindow window;
    private final LeadOptOuts optOuts;
    private final EnrollmentStops stops;
    private final LeadReplyEvents replies;
    private final FollowupSequences sequences;
    private final StepPlanner planner;
    private final JobQueue jobs;
    private final Clock clock;

    EnrollmentService(EnrollmentRepository enrollments, LeadActivity leads, LeadWindow window, LeadOptOuts optOuts,
            EnrollmentStops stops, LeadReplyEvents replies, FollowupSequences sequences, StepPlanner planner, JobQueue jobs,
            Clock clock) {
        this.enrollments = enrollments;
        this.leads = leads;
        this.window = window;
        this.optOuts = optOuts;
        this.stops = stops;
        this.replies = replies;
        this.sequences = sequences;
        this.planner = planner;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Handles one event once: a repeated event_id is answered from the first outcome and changes nothing. */
    public EventResult handle(UUID tenantId, LeadEventRequest event) {
        Instant occurredAt = LeadEventValidator.check(event);
        if (!leads.claimEvent(tenantId, event.eventId(), event.type(), now())) {
            LeadActivity.HandledEvent first = leads.handledEvent(tenantId, event.eventId())
                    .orElse(new LeadActivity.HandledEvent("processing", null));
            return EventResult.duplicate(event.eventId(), first.outcome(), first.detail());
        }
        EventResult result = switch (event.type()) {
            case LeadEventRequest.STATUS_CHANGED -> statusChanged(tenantId, event, occurredAt);
            case LeadEventRequest.OPTED_OUT -> replies.optedOut(tenantId, event, occurredAt);
            default -> replies.messageReceived(tenantId, event, occurredAt);
        };
        leads.recordOutcome(tenantId, event.eventId(), result.outcome(), result.detail());
        return result;
    }

    private EventResult statusChanged(UUID tenantId, LeadEventRequest event, Instant occurredAt) {
        Instant lastInbound = LeadEventValidator.lastInboundAt(event);
        if (lastInbound != null) {
            window.inboundAt(tenantId, event.channelId(), event.leadId(), lastInbound);
        }
        StatusDecision decision = StatusDecision.of(event, occurredAt, new StatusDecision.Facts() {
            @Override
            public boolean optedOut() {
                return optOuts.isOptedOut(tenantId, event.channelId(), event.leadId());
            }

            @Override
            public Optional<Enrollment> running() {
                return enrollments.findActiveForUpdate(tenantId, event.assistantId(), event.leadId());
            }

            @Override
            public Optional<SequenceSnapshot> config() {
                return sequences.findActive(tenantId, event.assistantId());
            }
        }, planner);
        if (decision.action() == StatusDecision.Action.STOP) {
            stops.stop(decision.running().get(), decision.reason());
        }
        if (decision.action() != StatusDecision.Action.ENROLL) {
            return decision.result(event, null);
        }
        decision.running().ifPresent(previous -> stops.stop(previous, "Replaced by a new trigger"));
        Enrollment enrollment = decision.enrollment(tenantId, event, occurredAt, now());
        enrollments.saveAndFlush(enrollment);
        scheduleCurrent(enrollment, StatusDecision.anchor(occurredAt, now()));
        return decision.result(event, enrollment);
    }

    /**
     * Schedules the enrollment's current step, {@code interval} after {@code anchor}, in this transaction. A step
     * scheduled before, then put back to pending ({@link StepResend}), gets a dedupe key of its own.
     */
    void scheduleCurrent(Enrollment enrollment, Instant anchor) {
        EnrollmentStep step = enrollment.current();
        Instant due = anchor.plus(StepInterval.parse(step.interval()));
        long jobId = jobs.enqueue(StepJobHandler.KIND, new StepJobPayload(enrollment.getId(), step.number()), due,
                StepResend.jobKey(enrollment.getId(), step))
                .orElseThrow(() -> new IllegalStateException("Step " + step.number() + " of " + enrollment.getId() + " was scheduled twice"));
        enrollment.scheduleCurrent(due, jobId);
    }

    /** The enrollment, when the job's step is still to be sent (not stopped, replaced or already done). */
    @Transactional(readOnly = true)
    Optional<Enrollment> due(StepJobPayload job) {
        return enrollments.findById(job.enrollmentId()).filter(enrollment -> isDue(enrollment, job));
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
        enrollments.findByIdForUpdate(job.enrollmentId())
                .filter(enrollment -> !StepDeliveryState.isOut(enrollment.step(job.step()).state()))
                .ifPresent(enrollment -> enrollment.markAttemptFailed(job.step(), error, now()));
    }

    /** The job failed for good: the step fails and the enrollment with it, unless it moved on meanwhile. */
    void failed(StepJobPayload job, String error) {
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

    /** The lead opted out while the step waited: the enrollment stops instead of sending. */
    void stopOptedOut(StepJobPayload job) {
        enrollments.findByIdForUpdate(job.enrollmentId()).filter(enrollment -> isDue(enrollment, job))
                .ifPresent(enrollment -> stops.stop(enrollment, EnrollmentStops.LEAD_OPTED_OUT));
    }

    /** The provider refused the send because the lead opted out: the step shows its words; the opt-out is recorded. */
    void refusedOptedOut(StepJobPayload job, String source, String error) {
        enrollments.findByIdForUpdate(job.enrollmentId()).filter(enrollment -> isDue(enrollment, job)).ifPresent(enrollment -> {
            enrollment.refusedOptedOut(job.step(), error, EnrollmentStops.LEAD_OPTED_OUT, now());
            enrollments.saveAndFlush(enrollment);
            optOuts.optOut(enrollment.getTenantId(), enrollment.getChannelId(), enrollment.getLeadId(), source, error, now());
        });
    }

    @Transactional(readOnly = true)
    public Enrollment get(UUID tenantId, UUID id) {
        return enrollments.findByIdAndTenantId(id, tenantId).orElseThrow(() -> EnrollmentNotFoundException.byId(id));
    }

    @Transactional(readOnly = true)
    public Page<Enrollment> search(UUID tenantId, EnrollmentFilter filter, Pageable page) {
        return enrollments.findAll(filter.forTenant(tenantId), page);
    }

    static EventResult ignored(LeadEventRequest event, String reason) {
        return EventResult.processed(event.eventId(), "ignored", null, reason);
    }

    private Instant now() {
        return clock.instant();
    }
}
