package io.followup.enrollment;

import java.util.Map;

/** The lead events' and enrollments' length rules by the column they guard, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class EnrollmentColumnLimits {

    public static final Map<String, Integer> VALIDATED = Map.of(
            "lead_event.event_id", LeadEventValidator.MAX_EVENT_ID,
            "lead_contact.lead_id", LeadEventValidator.MAX_LEAD_ID,
            "enrollment.lead_id", LeadEventValidator.MAX_LEAD_ID,
            "enrollment.channel_id", LeadEventValidator.MAX_CHANNEL_ID);

    /** Columns holding one of a fixed set of values, to the longest of them. */
    public static final Map<String, Integer> FIXED_VALUES = Map.of(
            "lead_event.type", Math.max(LeadEventRequest.STATUS_CHANGED.length(), LeadEventRequest.MESSAGE_RECEIVED.length()),
            "lead_event.outcome", "processing".length(),
            "enrollment.status", "completed".length());

    /** Columns of text from outside (provider answers, error messages), to the size it is cut to. */
    public static final Map<String, Integer> CUT = Map.of(
            "enrollment.stop_reason", Enrollment.MAX_STOP_REASON,
            "lead_event.detail", LeadActivity.MAX_DETAIL);

    private EnrollmentColumnLimits() {
    }
}
