package io.followup.enrollment;

import java.util.Map;

/** The lead events' and enrollments' length rules by the column they guard, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class EnrollmentColumnLimits {

    public static final Map<String, Integer> VALIDATED = Map.ofEntries(
            Map.entry("lead_event.event_id", LeadEventValidator.MAX_EVENT_ID),
            Map.entry("lead_window.lead_id", LeadEventValidator.MAX_LEAD_ID),
            Map.entry("lead_window.channel_id", LeadEventValidator.MAX_CHANNEL_ID),
            Map.entry("lead_opt_out.lead_id", LeadEventValidator.MAX_LEAD_ID),
            Map.entry("lead_opt_out.channel_id", LeadEventValidator.MAX_CHANNEL_ID),
            Map.entry("enrollment.lead_id", LeadEventValidator.MAX_LEAD_ID),
            Map.entry("enrollment.channel_id", LeadEventValidator.MAX_CHANNEL_ID),
            Map.entry("enrollment.lead_phone", LeadEventValidator.MAX_PHONE),
            // The config's official_steps[].app_id: @Size(max = 255) in io.followup.config.OfficialStepsBody.
            Map.entry("enrollment.app_id", 255));

    /** Columns holding one of a fixed set of values, to the longest of them. */
    public static final Map<String, Integer> FIXED_VALUES = Map.of(
            "lead_event.type", java.util.stream.Stream.of(LeadEventRequest.STATUS_CHANGED, LeadEventRequest.MESSAGE_RECEIVED,
                    LeadEventRequest.OPTED_OUT).mapToInt(String::length).max().orElseThrow(),
            "lead_event.outcome", "processing".length(),
            "lead_opt_out.source", LeadOptOuts.SOURCES.stream().mapToInt(String::length).max().orElseThrow(),
            "enrollment.status", "completed".length());

    /** Columns of text from outside (provider answers, error messages), to the size it is cut to. */
    public static final Map<String, Integer> CUT = Map.of(
            "enrollment.stop_reason", Enrollment.MAX_STOP_REASON,
            "lead_event.detail", LeadActivity.MAX_DETAIL,
            "lead_opt_out.detail", OptOutRecords.MAX_DETAIL);

    private EnrollmentColumnLimits() {
    }
}
