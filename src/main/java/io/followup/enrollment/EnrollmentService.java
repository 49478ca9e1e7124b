package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.followup.config.FollowupSequences;
import io.followup.config.SequenceSnapshot;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns lead events into enrollments; reads them for the API. A step job's own transactions are {@link StepProgress}'s,
 * in plain SQL; the two here that stop an enrollment for an opt-out go through JPA with the opt-out's other writes.
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
    private final StepSchedule schedule;
    private final EnrollmentWebhooks webhooks;
    private final Clock clock;

    EnrollmentService(EnrollmentRepository enrollments, LeadActivity leads, LeadWindow window, LeadOptOuts optOuts,
            EnrollmentStops stops, LeadReplyEvents replies, FollowupSequences sequences, StepPlanner planner,
            StepSchedule schedule, EnrollmentWebhooks webhooks, Clock clock) {
        this.enrollments = enrollments;
        this.leads = leads;
        this.window = window;
        this.optOuts = optOuts;
        this.stops = stops;
        this.replies = replies;
        this.sequences = sequences;
        this.planner = planner;
        this.schedule = schedule;
        this.webhooks = webhooks;
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
        decision.running().ifPresent(previous -> stops.stop(previous, EnrollmentStops.REPLACED));
        Enrollment enrollment = decision.enrollment(tenantId, event, occurredAt, now());
        enrollments.saveAndFlush(enrollment);
        schedule.current(enrollment, StatusDecision.anchor(occurredAt, now()));
        webhooks.started(enrollment);
        return decision.result(event, enrollment);
    }


    /** The lead opted out while the step waited: the enrollment stops instead of sending. */
    void stopOptedOut(StepJobPayload job) {
        enrollments.findByIdForUpdate(job.enrollmentId()).filter(enrollment -> enrollment.isDue(job.step()))
                .ifPresent(enrollment -> stops.stop(enrollment, EnrollmentStops.LEAD_OPTED_OUT));
    }

    /** The provider refused the send because the lead opted out: the step shows its words; the opt-out is recorded. */
    void refusedOptedOut(StepJobPayload job, String source, String error) {
        enrollments.findByIdForUpdate(job.enrollmentId()).filter(enrollment -> enrollment.isDue(job.step())).ifPresent(enrollment -> {
            EnrollmentWebhooks.Watch watch = webhooks.watch(enrollment);
            enrollment.refusedOptedOut(job.step(), error, EnrollmentStops.LEAD_OPTED_OUT, now());
            enrollments.saveAndFlush(enrollment);
            watch.tell();
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
