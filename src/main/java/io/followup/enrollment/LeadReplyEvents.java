package io.followup.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The events that end a lead's follow-ups: a reply ({@code lead.message_received}) and an opt-out ({@code lead.opted_out}). */
@Component
@Transactional
class LeadReplyEvents {

    private final EnrollmentRepository enrollments;
    private final LeadWindow window;
    private final LeadOptOuts optOuts;
    private final EnrollmentStops stops;

    LeadReplyEvents(EnrollmentRepository enrollments, LeadWindow window, LeadOptOuts optOuts, EnrollmentStops stops) {
        this.enrollments = enrollments;
        this.window = window;
        this.optOuts = optOuts;
        this.stops = stops;
    }

    /**
     * Stop on reply, and the window of the channel the lead wrote on: the event's channel_id, else the channel of
     * the lead's running (or latest) enrollment with the assistant; with neither, no channel is known to open.
     */
    EventResult messageReceived(UUID tenantId, LeadEventRequest event, Instant occurredAt) {
        Optional<Enrollment> running = enrollments.findActiveForUpdate(tenantId, event.assistantId(), event.leadId());
        String channelId = event.channelId() != null ? event.channelId() : running.map(Enrollment::getChannelId)
                .or(() -> enrollments.findFirstByTenantIdAndAssistantIdAndLeadIdOrderByCreatedAtDesc(tenantId,
                        event.assistantId(), event.leadId()).map(Enrollment::getChannelId))
                .orElse(null);
        if (channelId != null) {
            window.inboundAt(tenantId, channelId, event.leadId(), occurredAt);
        }
        if (running.isPresent() && !occurredAt.isBefore(running.get().getTriggeredAt())) {
            stops.stop(running.get(), EnrollmentStops.LEAD_REPLIED);
            return EventResult.processed(event.eventId(), "stopped", running.get().getId(), EnrollmentStops.LEAD_REPLIED);
        }
        return channelId != null ? EventResult.processed(event.eventId(), "recorded", null, "Last inbound time recorded")
                : EnrollmentService.ignored(event, "No channel_id and no enrollment of the lead with this assistant: no window to record");
    }

    EventResult optedOut(UUID tenantId, LeadEventRequest event, Instant occurredAt) {
        boolean already = optOuts.isOptedOut(tenantId, event.channelId(), event.leadId());
        List<Enrollment> stopped = optOuts.optOut(tenantId, event.channelId(), event.leadId(), LeadOptOuts.LEAD_OPTED_OUT_EVENT,
                "lead.opted_out event " + event.eventId(), occurredAt);
        return stopped.stream().filter(enrollment -> enrollment.getAssistantId().equals(event.assistantId())).findFirst()
                .or(() -> stopped.stream().findFirst())
                .map(enrollment -> EventResult.processed(event.eventId(), "stopped", enrollment.getId(), EnrollmentStops.LEAD_OPTED_OUT))
                .orElse(EventResult.processed(event.eventId(), "recorded", null, already
                        ? "The lead had already opted out of channel " + event.channelId() + "; that first opt-out is kept"
                        : "Opt-out recorded"));
    }
}
