package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Clock clock;

    EnrollmentService(EnrollmentRepository enrollments, LeadActivity leads, LeadWindow window, LeadOptOuts optOuts,
            EnrollmentStops stops, LeadReplyEvents replies, FollowupSequences sequences, StepPlanner planner,
            StepSchedule schedule, Clock clock) {
        this.enrollments = enrollments;
        this.leads = leads;
        this.window = window;
        this.optOuts = optOuts;
        this.stops = stops;
        this.replies = replies;
        this.sequences = sequences;
        this.planner = planner;
        this.schedule = schedule;
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
        if (optOuts.isOptedOut(tenantId, event.channelId(), event.leadId())) {
            return ignored(event, "The lead opted out of channel " + event.channelId());
        }
        Optional<Enrollment> running = enrollments.findActiveForUpdate(tenantId, event.assistantId(), event.leadId());
        if (running.isPresent() && occurredAt.isBefore(running.get().getTriggeredAt())) {
            return ignored(event, "The event is older than the running enrollment's trigger");
        }
        Optional<SequenceSnapshot> config = sequences.findActive(tenantId, event.assistantId());
        if (config.isPresent() && config.get().isTrigger(event.statusId())) {
            List<EnrollmentStep> steps = planner.plan(config.get(), event.channelId());
            if (steps.isEmpty()) {
                return stopOrIgnore(running, event, "No follow-up steps for channel " + event.channelId());
            }
            running.ifPresent(previous -> stops.stop(previous, "Replaced by a new trigger"));
            Enrollment enrollment = new Enrollment(tenantId, event.assistantId(), event.leadId(), event.channelId(),
                    config.get().configId(), event.statusId(), config.get().triggerStatusIds(), occurredAt,
                    leadData(event.lead()), steps, now());
            enrollments.saveAndFlush(enrollment);
            Instant anchor = occurredAt.isAfter(now()) ? now() : occurredAt;
            scheduleCurrent(enrollment, anchor);
            return EventResult.processed(event.eventId(), running.isPresent() ? "replaced" : "enrolled", enrollment.getId(),
                    running.isPresent() ? "The running enrollment was replaced" : null);
        }
        if (running.isPresent() && !running.get().isTrigger(event.statusId())) {
            stops.stop(running.get(), "Lead moved to a non-trigger status");
            return EventResult.processed(event.eventId(), "stopped", running.get().getId(), "Lead moved to a non-trigger status");
        }
        if (running.isPresent()) {
            return ignored(event, "The lead is already enrolled");
        }
        return ignored(event, config.isEmpty() ? "No active follow-up configuration for this assistant"
                : "Status is not a trigger of this assistant's configuration");
    }

    private EventResult stopOrIgnore(Optional<Enrollment> running, LeadEventRequest event, String reason) {
        if (running.isPresent()) {
            stops.stop(running.get(), reason);
            return EventResult.processed(event.eventId(), "stopped", running.get().getId(), reason);
        }
        return ignored(event, reason);
    }

    /** Schedules the enrollment's current step, {@code interval} after {@code anchor}, in this transaction. */
    void scheduleCurrent(Enrollment enrollment, Instant anchor) {
        schedule.current(enrollment, anchor);
    }

    /** The lead opted out while the step waited: the enrollment stops instead of sending. */
    void stopOptedOut(StepJobPayload job) {
        enrollments.findByIdForUpdate(job.enrollmentId()).filter(enrollment -> enrollment.isDue(job.step()))
                .ifPresent(enrollment -> stops.stop(enrollment, EnrollmentStops.LEAD_OPTED_OUT));
    }

    /** The provider refused the send because the lead opted out: the step shows its words; the opt-out is recorded. */
    void refusedOptedOut(StepJobPayload job, String source, String error) {
        enrollments.findByIdForUpdate(job.enrollmentId()).filter(enrollment -> enrollment.isDue(job.step())).ifPresent(enrollment -> {
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

    private static Map<String, String> leadData(Map<String, Object> lead) {
        Map<String, String> data = new LinkedHashMap<>();
        if (lead != null) {
            lead.forEach((key, value) -> {
                if (value != null) {
                    data.put(key, String.valueOf(value));
                }
            });
        }
        return data;
    }

    static EventResult ignored(LeadEventRequest event, String reason) {
        return EventResult.processed(event.eventId(), "ignored", null, reason);
    }

    private Instant now() {
        return clock.instant();
    }
}
