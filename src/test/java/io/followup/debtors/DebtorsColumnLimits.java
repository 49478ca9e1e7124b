package io.followup.debtors;

import java.util.Map;

/** The debtor update's length rules by the column they guard, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class DebtorsColumnLimits {

    /** {@code table.column} to the longest text the debtor update accepts for it. */
    public static final Map<String, Integer> VALIDATED = Map.of(
            "debtor.first_name", DebtorLimits.NAME,
            "debtor.last_name", DebtorLimits.NAME,
            "debtor.email", DebtorLimits.EMAIL,
            "debtor.phone", DebtorLimits.PHONE,
            "debtor.address", DebtorLimits.ADDRESS);

    private DebtorsColumnLimits() {
    }
}
