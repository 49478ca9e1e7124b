package io.followup.enrollment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.followup.config.SequenceSnapshot;

/**
 * What a {@code lead.status_changed} does to its lead, decided from what is known of the lead. The one decision of
 * both paths: the per-event one ({@link EnrollmentService}) looks the facts up one by one, {@link EventBatch} for a
 * whole batch at once, so they cannot drift apart.
 *
 * @param running the lead's running enrollment, to stop ({@link Action#STOP}) or replace ({@link Action#ENROLL})
 * @param config the configuration to enroll with ({@link Action#ENROLL} only)
 * @param steps the new enrollment's steps ({@link Action#ENROLL} only)
 * @param reason why the lead is ignored or stopped
 */
record StatusDecision(Action action, Optional<Enrollment> running, SequenceSnapshot config, List<EnrollmentStep> steps,
        String reason) {

    enum Action { IGNORE, STOP, ENROLL }

    /** What the decision needs to know, asked in this order and only as far as needed. */
    interface Facts {
        boolean optedOut();

        Optional<Enrollment> running();

        Optional<SequenceSnapshot> config();
    }

    static StatusDecision of(LeadEventRequest event, Instant occurredAt, Facts facts, StepPlanner planner) {
        if (facts.optedOut()) {
            return ignore("The lead opted out of channel " + event.channelId());
        }
        Optional<Enrollment> running = facts.running();
        if (running.isPresent() && occurredAt.isBefore(running.get().getTriggeredAt())) {
            return ignore("The event is older than the running enrollment's trigger");
        }
        Optional<SequenceSnapshot> config = facts.config();
        if (config.isPresent() && config.get().isTrigger(event.statusId())) {
            List<EnrollmentStep> steps = planner.plan(config.get(), event.channelId());
            if (steps.isEmpty()) {
                String reason = "No follow-up steps for channel " + event.channelId();
                return running.isPresent() ? stop(running, reason) : ignore(reason);
            }
            return new StatusDecision(Action.ENROLL, running, config.get(), steps, null);
        }
        if (running.isPresent() && !running.get().isTrigger(event.statusId())) {
            return stop(running, "Lead moved to a non-trigger status");
        }
        if (running.isPresent()) {
            return ignore("The lead is already enrolled");
        }
        return ignore(config.isEmpty() ? "No active follow-up configuration for this assistant"
                : "Status is not a trigger of this assistant's configuration");
    }

    /** The enrollment an {@link Action#ENROLL} creates, not yet saved nor scheduled. */
    Enrollment enrollment(UUID tenantId, LeadEventRequest event, Instant occurredAt, Instant now) {
        return new Enrollment(tenantId, event.assistantId(), event.leadId(), event.channelId(), config.configId(),
                event.statusId(), config.triggerStatusIds(), occurredAt, leadData(event.lead()), steps, now);
    }

    /** The time the first step's interval counts from: the event's, unless a sender's clock put it in the future. */
    static Instant anchor(Instant occurredAt, Instant now) {
        return occurredAt.isAfter(now) ? now : occurredAt;
    }

    /** The event's result once the decision was carried out; {@code enrolled} is the new enrollment, if any. */
    EventResult result(LeadEventRequest event, Enrollment enrolled) {
        return switch (action) {
            case IGNORE -> EnrollmentService.ignored(event, reason);
            case STOP -> EventResult.processed(event.eventId(), "stopped", running.get().getId(), reason);
            case ENROLL -> EventResult.processed(event.eventId(), running.isPresent() ? "replaced" : "enrolled",
                    enrolled.getId(), running.isPresent() ? "The running enrollment was replaced" : null);
        };
    }

    private static StatusDecision ignore(String reason) {
        return new StatusDecision(Action.IGNORE, Optional.empty(), null, List.of(), reason);
    }

    private static StatusDecision stop(Optional<Enrollment> running, String reason) {
        return new StatusDecision(Action.STOP, running, null, List.of(), reason);
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
}
