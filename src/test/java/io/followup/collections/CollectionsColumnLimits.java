package io.followup.collections;

import java.util.Arrays;
import java.util.Map;

/** The external API's length rules by the column they guard, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class CollectionsColumnLimits {

    /** {@code table.column} to the longest text the validators accept for it. */
    public static final Map<String, Integer> VALIDATED = Map.ofEntries(
            Map.entry("debt.external_reference", FieldLimits.EXTERNAL_REFERENCE),
            Map.entry("debt.debtor_name", FieldLimits.DEBTOR_NAME),
            Map.entry("debt.debtor_phone", FieldLimits.PHONE),
            Map.entry("debt.debtor_email", FieldLimits.EMAIL),
            Map.entry("debt.currency", FieldLimits.CURRENCY),
            Map.entry("debt_followup.summary", FieldLimits.SUMMARY),
            Map.entry("debt_followup.notes", FieldLimits.NOTES),
            Map.entry("debt_followup.call_id", FieldLimits.CALL_ID),
            Map.entry("debt_followup.audio_url", FieldLimits.URL),
            Map.entry("debt_followup.pdf_url", FieldLimits.URL),
            Map.entry("debt_followup.phone_number_used", FieldLimits.PHONE),
            Map.entry("debt_followup.disconnection_reason", FieldLimits.DISCONNECTION_REASON));

    /** {@code table.column} to the longest enum constant stored in it. */
    public static final Map<String, Integer> ENUMS = Map.of(
            "debt_followup.type", longest(FollowupType.values()),
            "debt_followup.status", longest(FollowupStatus.values()),
            "debt_followup.direction", longest(CallDirection.values()));

    private CollectionsColumnLimits() {
    }

    private static int longest(Enum<?>[] values) {
        return Arrays.stream(values).mapToInt(value -> value.name().length()).max().orElseThrow();
    }
}
