package io.followup.debtors;

import io.swagger.v3.oas.annotations.media.Schema;

/** GetBill's nesting of a single debtor: its get and update answers put the debtor one level deeper, in {@code data.data}. */
final class DebtorBodies {

    static final String UPDATED = "Debtor updated successfully";

    private DebtorBodies() {
    }

    /** {@code data} of the get-debtor answer. */
    @Schema(name = "DebtorData")
    record Read(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) DebtorDetailsResponse data) {
    }

    /** {@code data} of the update-debtor answer, which says what it did a second time, inside. */
    @Schema(name = "DebtorUpdate")
    record Updated(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) DebtorDetailsResponse data,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = UPDATED) String message) {
    }
}
