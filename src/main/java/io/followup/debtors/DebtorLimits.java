package io.followup.debtors;

import io.followup.external.PhoneNumbers;

/**
 * Longest accepted text of each debtor field: the size of its {@code debtor} column (V11__debts_in_getbill_shape.sql),
 * which io.followup.ColumnLengthsIntegrationTests compares with the schema.
 */
final class DebtorLimits {

    /** {@code firstName} and {@code lastName}. */
    static final int NAME = 200;
    static final int EMAIL = 254;
    /** {@code phone}, in E.164 once read (at most 16 characters), and as typed: what {@link PhoneNumbers} reads. */
    static final int PHONE = PhoneNumbers.MAX_LENGTH;
    static final int ADDRESS = 500;

    private DebtorLimits() {
    }
}
