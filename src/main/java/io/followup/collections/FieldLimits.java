package io.followup.collections;

/**
 * Longest accepted text of each external API field. Each one is at most the size of the column it is
 * stored in (V2__debts_and_followups.sql, V11__debts_in_getbill_shape.sql); a test compares them with the schema.
 */
final class FieldLimits {

    /** {@code internal_id}, {@code invoice_reference}, {@code debtor_reference}, {@code timeline_id}. */
    static final int REFERENCE = 100;
    /** {@code firstname} and {@code lastname}, as long as the old API's whole name. */
    static final int NAME = 200;
    static final int CIVILITY = 10;
    /** {@code phone} and {@code phone_number_used}. */
    static final int PHONE = 32;
    static final int EMAIL = 254;
    static final int CURRENCY = 3;
    static final int OBJECT = 500;
    static final int ADDRESS = 500;
    static final int STREET_ADDRESS = 255;
    static final int STREET_NUMBER = 20;
    static final int POSTAL_CODE = 20;
    static final int CITY = 100;
    static final int COUNTRY = 100;
    static final int IBAN = 34;
    /** {@code company} and {@code debtor_company}. */
    static final int COMPANY = 200;
    static final int TIMELINE_START_MODE = 20;
    /** A batch's {@code batch_name} (V14__debt_batches_and_list_filters.sql). */
    static final int BATCH_NAME = 200;
    /** {@code metadata}, as compact JSON text. */
    static final int METADATA = 16_384;
    static final int SUMMARY = 500;
    static final int NOTES = 10_000;
    static final int CALL_ID = 255;
    /** {@code audio_url}, {@code pdf_url} and {@code payment_link}. */
    static final int URL = 2048;
    static final int DISCONNECTION_REASON = 255;

    private FieldLimits() {
    }
}
