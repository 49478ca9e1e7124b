package io.followup.collections;

import java.util.Arrays;
import java.util.Map;

/** The external API's length rules by the column they guard, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class CollectionsColumnLimits {

    /** {@code table.column} to the longest text the validators accept for it. */
    public static final Map<String, Integer> VALIDATED = Map.ofEntries(
            Map.entry("debt.internal_id", FieldLimits.REFERENCE),
            Map.entry("debt.invoice_reference", FieldLimits.REFERENCE),
            Map.entry("debt.debtor_reference", FieldLimits.REFERENCE),
            Map.entry("debt.timeline_id", FieldLimits.REFERENCE),
            Map.entry("debt.firstname", FieldLimits.NAME),
            Map.entry("debt.lastname", FieldLimits.NAME),
            Map.entry("debt.civility", FieldLimits.CIVILITY),
            Map.entry("debt.phone", FieldLimits.PHONE),
            Map.entry("debt.email", FieldLimits.EMAIL),
            Map.entry("debt.currency", FieldLimits.CURRENCY),
            Map.entry("debt.object", FieldLimits.OBJECT),
            Map.entry("debt.address", FieldLimits.ADDRESS),
            Map.entry("debt.street_address", FieldLimits.STREET_ADDRESS),
            Map.entry("debt.street_number", FieldLimits.STREET_NUMBER),
            Map.entry("debt.postal_code", FieldLimits.POSTAL_CODE),
            Map.entry("debt.city", FieldLimits.CITY),
            Map.entry("debt.country", FieldLimits.COUNTRY),
            Map.entry("debt.iban", FieldLimits.IBAN),
            Map.entry("debt.company", FieldLimits.COMPANY),
            Map.entry("debt.debtor_company", FieldLimits.COMPANY),
            Map.entry("debt.payment_link", FieldLimits.URL),
            Map.entry("debt.timeline_start_mode", FieldLimits.TIMELINE_START_MODE),
            Map.entry("debt_import.batch_name", FieldLimits.BATCH_NAME),
            Map.entry("debtor.first_name", FieldLimits.NAME),
            Map.entry("debtor.last_name", FieldLimits.NAME),
            Map.entry("debtor.email", FieldLimits.EMAIL),
            Map.entry("debtor.phone", FieldLimits.PHONE),
            Map.entry("debtor.address", FieldLimits.ADDRESS),
            Map.entry("debtor.debtor_reference", FieldLimits.REFERENCE),
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
            "debt_followup.direction", longest(CallDirection.values()),
            "debt.status", longest(DebtStatus.values()));

    private CollectionsColumnLimits() {
    }

    private static int longest(Enum<?>[] values) {
        return Arrays.stream(values).mapToInt(value -> value.name().length()).max().orElseThrow();
    }
}
