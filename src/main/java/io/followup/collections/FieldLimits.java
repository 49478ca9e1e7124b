package io.followup.collections;

/**
 * Longest accepted text of each external API field. Each one is the size of the column it is stored
 * in (V2__debts_and_followups.sql); a test compares them with the schema.
 */
final class FieldLimits {

    static final int EXTERNAL_REFERENCE = 100;
    static final int DEBTOR_NAME = 200;
    /** {@code debtor_phone} and {@code phone_number_used}. */
    static final int PHONE = 32;
    static final int EMAIL = 254;
    static final int CURRENCY = 3;
    static final int SUMMARY = 500;
    static final int NOTES = 10_000;
    static final int CALL_ID = 255;
    /** {@code audio_url} and {@code pdf_url}. */
    static final int URL = 2048;
    static final int DISCONNECTION_REASON = 255;

    private FieldLimits() {
    }
}
